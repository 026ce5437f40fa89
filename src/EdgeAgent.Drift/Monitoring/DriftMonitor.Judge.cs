using System.Globalization;
using System.Text;
using EdgeAgent.Drift.Calibration;

namespace EdgeAgent.Drift.Monitoring;

/// <summary>The judgement: scoring each feature's batch, the verdict, and what is logged about it.</summary>
public sealed partial class DriftMonitor
{
    private DriftVerdict Judge(bool judging)
    {
        var features = new FeatureDrift[_windows.Length];
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = Score(i, judging && _windows[i].Full);
        }

        var outputs = new OutputDrift[_outputs.Length];
        for (int o = 0; o < outputs.Length; o++)
        {
            outputs[o] = _outputs[o].TakeVerdict(judging, Reference.WindowCount);
        }

        string[] drifted = [.. features.Where(f => f.Drifted).OrderByDescending(f => f.Score).Select(f => f.Name)];
        bool outputChange = outputs.Any(o => o.ChangeDetected);
        bool anyJudged = features.Any(f => f.Judged) || outputs.Any(o => o.Monitored);
        DriftState state = !judging || !anyJudged ? DriftState.InsufficientData
            : drifted.Length > 0 || outputChange ? DriftState.Drift
            : DriftState.NoDrift;
        var verdict = new DriftVerdict(_time.GetUtcNow(), WindowsSeen, state, features, drifted, outputs, outputChange, TotalNonFinite());
        Report(verdict);
        _latest = verdict;
        return verdict;
    }

    private FeatureDrift Score(int i, bool judged)
    {
        FeatureReference r = Reference.Features[i];
        FeatureWindow window = _windows[i];
        if (!judged)
        {
            return new FeatureDrift(r.Name, r.Kind, false, 0, r.PsiThreshold, 0, r.DistanceThreshold, window.NonFinite);
        }

        Span<float> values = _sorted.AsSpan(0, window.Count);
        window.CopyTo(values);
        if (r.Kind == FeatureKind.Constant)
        {
            int away = 0;
            foreach (float v in values)
            {
                if (Math.Abs(v - r.ConstantValue) > r.ConstantTolerance)
                {
                    away++;
                }
            }

            return new FeatureDrift(r.Name, r.Kind, true, 0, r.PsiThreshold, (double)away / values.Length, r.DistanceThreshold, window.NonFinite);
        }

        values.Sort();
        double distance = Statistics.QuantileDistance.Of(values, r.Quantiles, r.Std);
        Span<int> counts = _binCounts.AsSpan(0, r.PsiBins);
        counts.Clear();
        foreach (float v in values)
        {
            counts[r.Bins.IndexOf(v)]++;
        }

        double psi = r.Bins.Psi(counts, values.Length);
        return new FeatureDrift(r.Name, r.Kind, true, psi, r.PsiThreshold, distance, r.DistanceThreshold, window.NonFinite);
    }

    private void Report(DriftVerdict verdict)
    {
        if (verdict.State == DriftState.InsufficientData)
        {
            return;
        }

        DateTimeOffset now = verdict.Time;
        for (int o = 0; o < verdict.Outputs.Count; o++)
        {
            OutputDrift output = verdict.Outputs[o];
            if (output.ChangeDetected && !_outputWasChanged[o])
            {
                bool rose = output.Increase / output.IncreaseLimit >= output.Decrease / output.DecreaseLimit;
                Log.OutputChanged(
                    _logger,
                    output.Name,
                    rose ? "rose" : "fell",
                    rose ? output.Increase : output.Decrease,
                    rose ? output.IncreaseLimit : output.DecreaseLimit,
                    verdict.WindowsSeen);
            }

            // Once per episode: the test keeps alarming while the output stays moved, and the episode's persist line covers it.
            _outputWasChanged[o] = verdict.State != DriftState.NoDrift && (_outputWasChanged[o] || output.ChangeDetected);
        }

        if (verdict.State == DriftState.Drift && !_drifting)
        {
            _drifting = true;
            _driftSince = verdict.WindowsSeen;
            _nextPersistLog = now + Reference.LogRepeatInterval;
            Log.DriftDetected(_logger, Names(verdict), Details(verdict), verdict.WindowsSeen);
        }
        else if (verdict.State == DriftState.Drift && now >= _nextPersistLog)
        {
            _nextPersistLog = now + Reference.LogRepeatInterval;
            Log.DriftPersists(_logger, Names(verdict), Details(verdict), verdict.WindowsSeen - _driftSince);
        }
        else if (verdict.State == DriftState.NoDrift && _drifting)
        {
            _drifting = false;
            Log.DriftCleared(_logger, verdict.WindowsSeen - _driftSince);
        }
    }

    private static string Names(DriftVerdict verdict) =>
        string.Join(", ", verdict.DriftedFeatures.Concat(verdict.Outputs.Where(o => o.ChangeDetected).Select(o => $"output {o.Name}")));

    private static string Details(DriftVerdict verdict)
    {
        var text = new StringBuilder();
        foreach (string name in verdict.DriftedFeatures)
        {
            FeatureDrift f = verdict.Features.First(x => x.Name == name);
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(f.Kind == FeatureKind.Constant
                ? Format($"{f.Name} {f.Distance * 100:F0}% of values away from its constant (limit {f.DistanceThreshold * 100:F0}%)")
                : Format($"{f.Name} PSI {f.Psi:G3} (limit {f.PsiThreshold:G3}), distance {f.Distance:G3} sd (limit {f.DistanceThreshold:G3})"));
        }

        foreach (OutputDrift o in verdict.Outputs.Where(o => o.ChangeDetected))
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(Format($"output {o.Name} Page-Hinkley up {o.Increase:G3} (limit {o.IncreaseLimit:G3}), down {o.Decrease:G3} (limit {o.DecreaseLimit:G3})"));
        }

        return text.ToString();
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
