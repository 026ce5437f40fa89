using EdgeAgent.Drift.Calibration;
using EdgeAgent.Drift.Monitoring;
using EdgeAgent.Packaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.DriftEval;

/// <summary>
/// Detection delay, in windows, for a one-sigma step: in one feature (judged by PSI, by the distance, by either, and
/// by Page-Hinkley on the stand-in model's output, which the shifted feature feeds), and in the output stream itself.
/// Each run streams in-control windows, then steps at a change point 1000 to 1049 windows in (so that it falls at
/// every phase of the 50-window verdict cadence), and stops at the first detection or 5000 windows after the step.
/// </summary>
internal static class DelayExperiment
{
    private const int Runs = 50;
    private const int Horizon = 5000;

    public static void Run(TextWriter output)
    {
        output.WriteLine($"== Detection delay for a one-sigma step (synthetic, default settings, {Runs} runs each) ==");
        ReferenceProfile profile = SyntheticModel.Profile(20_000, seed: 1);
        var reference = DriftReference.Create(profile, SyntheticModel.Names, new DriftOptions());
        output.WriteLine($"delay in windows after the step, mean / median / max over runs; 'named alone': the first verdict naming the feature names only it");
        output.WriteLine($"{"shifted feature",-15} {"either",-16} {"PSI",-16} {"distance",-16} {"output PH",-16} {"named alone",11} {"missed",6} {"early alarms",12}");
        for (int j = 0; j < SyntheticModel.Width; j++)
        {
            if (reference.Features[j].Kind != FeatureKind.Continuous)
            {
                continue;
            }

            var either = new List<double>();
            var psi = new List<double>();
            var distance = new List<double>();
            var outputPh = new List<double>();
            int alone = 0, missed = 0, early = 0;
            for (int run = 0; run < Runs; run++)
            {
                Result r = FeatureShift(reference, j, seed: (100 * j) + run);
                Add(either, r.Either);
                Add(psi, r.Psi);
                Add(distance, r.Distance);
                Add(outputPh, r.Output);
                alone += r.NamedAlone ? 1 : 0;
                missed += r.Either is null ? 1 : 0;
                early += r.EarlyAlarm ? 1 : 0;
            }

            output.WriteLine($"{SyntheticModel.Names[j],-15} {Delays(either),-16} {Delays(psi),-16} {Delays(distance),-16} {Delays(outputPh),-16} {alone,8}/{Runs} {missed,6} {early,12}");
        }

        foreach (double step in new[] { 1.0, -1.0 })
        {
            var delays = new List<double>();
            int early = 0;
            for (int run = 0; run < Runs; run++)
            {
                Result r = OutputStep(reference, step, seed: 5000 + run + (step > 0 ? 0 : 100));
                Add(delays, r.Output);
                early += r.EarlyAlarm ? 1 : 0;
            }

            output.WriteLine($"{(step > 0 ? "output +1 sd" : "output -1 sd"),-15} {"",-16} {"",-16} {"",-16} {Delays(delays),-16} {"",11} {Runs - delays.Count,6} {early,12}");
        }

        OutputReference o = reference.Outputs[0];
        output.WriteLine($"(thresholds for one false alarm per test in about {1 / reference.FeatureTestAlpha * reference.EvaluateEvery:N0} windows; Page-Hinkley δ {o.Delta}, λ up {o.IncreaseLimit:F2} / down {o.DecreaseLimit:F2} for {reference.OutputTestRunLength:N0} windows per direction)");
        output.WriteLine();
    }

    private static Result FeatureShift(DriftReference reference, int feature, int seed)
    {
        var random = new Random(seed);
        int change = 1000 + random.Next(50);
        var monitor = new DriftMonitor(reference, TimeProvider.System, NullLogger<DriftMonitor>.Instance);
        var row = new float[SyntheticModel.Width];
        var outputs = new float[1];
        var result = new Result();
        string name = SyntheticModel.Names[feature];
        for (int w = 1; w <= change + Horizon; w++)
        {
            SyntheticModel.Draw(random, row);
            if (w > change)
            {
                row[feature] += (float)SyntheticModel.Stds[feature];
            }

            outputs[0] = SyntheticModel.Score(row);
            if (monitor.Observe(row, outputs) is not { } verdict)
            {
                continue;
            }

            if (w <= change)
            {
                result.EarlyAlarm |= verdict.State == DriftState.Drift;
                continue;
            }

            int delay = w - change;
            FeatureDrift f = verdict.Features[feature];
            if (result.Either is null && verdict.DriftedFeatures.Contains(name))
            {
                result.Either = delay;
                result.NamedAlone = verdict.DriftedFeatures.Count == 1;
            }

            result.Psi ??= f.Psi > f.PsiThreshold ? delay : null;
            result.Distance ??= f.Distance > f.DistanceThreshold ? delay : null;
            result.Output ??= verdict.OutputChangeDetected ? delay : null;
            if (result.Either is not null && result.Psi is not null && result.Distance is not null && result.Output is not null)
            {
                break;
            }
        }

        return result;
    }

    private static Result OutputStep(DriftReference reference, double sds, int seed)
    {
        var random = new Random(seed);
        int change = 1000 + random.Next(50);
        var monitor = new DriftMonitor(reference, TimeProvider.System, NullLogger<DriftMonitor>.Instance);
        var row = new float[SyntheticModel.Width];
        var outputs = new float[1];
        var result = new Result();
        OutputReference o = reference.Outputs[0];
        for (int w = 1; w <= change + Horizon; w++)
        {
            SyntheticModel.Draw(random, row);
            outputs[0] = SyntheticModel.Score(row) + (w > change ? (float)(sds * o.Std) : 0);
            if (monitor.Observe(row, outputs) is not { } verdict)
            {
                continue;
            }

            if (w <= change)
            {
                result.EarlyAlarm |= verdict.State == DriftState.Drift;
            }
            else if (verdict.OutputChangeDetected)
            {
                result.Output = w - change;
                break;
            }
        }

        return result;
    }

    private static void Add(List<double> list, int? value)
    {
        if (value is { } v)
        {
            list.Add(v);
        }
    }

    private static string Delays(List<double> delays) =>
        delays.Count == 0 ? "none" : $"{delays.Average():F0} / {Summary.Quantile(delays, 0.5):F0} / {delays.Max():F0}";

    private sealed class Result
    {
        public int? Either { get; set; }

        public int? Psi { get; set; }

        public int? Distance { get; set; }

        public int? Output { get; set; }

        public bool NamedAlone { get; set; }

        public bool EarlyAlarm { get; set; }
    }
}
