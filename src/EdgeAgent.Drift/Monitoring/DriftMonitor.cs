using EdgeAgent.Drift.Calibration;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Drift.Monitoring;

/// <summary>
/// Watches one model's live windows for drift from its reference profile. Feed it each window's feature vector (in
/// model-input order) and the model's outputs (in profile order); every <see cref="DriftReference.EvaluateEvery"/>
/// windows, and at once when an output's Page-Hinkley test alarms, it judges the latest
/// <see cref="DriftReference.WindowCount"/> finite values of each feature and returns a <see cref="DriftVerdict"/>.
/// Between verdicts <see cref="Observe(ReadOnlySpan{float}, ReadOnlySpan{float})"/> allocates nothing. One thread
/// feeds a monitor; <see cref="Latest"/> may be read from any.
/// </summary>
public sealed partial class DriftMonitor
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FeatureWindow[] _windows;
    private readonly OutputWatch[] _outputs;
    private readonly float[] _sorted;
    private readonly int[] _binCounts;
    private readonly bool[] _outputWasChanged;
    private DateTimeOffset _nextNonFiniteLog = DateTimeOffset.MinValue;
    private bool _drifting;
    private long _driftSince;
    private DateTimeOffset _nextPersistLog;
    private volatile DriftVerdict? _latest;

    public DriftMonitor(DriftReference reference, TimeProvider timeProvider, ILogger<DriftMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        Reference = reference;
        _time = timeProvider;
        _logger = logger;
        _windows = [.. reference.Features.Select(_ => new FeatureWindow(reference.WindowCount))];
        _outputs = [.. reference.Outputs.Select(o => new OutputWatch(o))];
        _sorted = new float[reference.WindowCount];
        _binCounts = new int[Math.Max(1, reference.Features.Select(f => f.PsiBins).DefaultIfEmpty(1).Max())];
        _outputWasChanged = new bool[_outputs.Length];
        Log.MonitorReady(
            logger,
            reference.Features.Count(f => f.Kind == FeatureKind.Continuous),
            reference.Features.Count(f => f.Kind == FeatureKind.Constant),
            reference.Outputs.Count(o => o.Monitored),
            reference.EvaluateEvery,
            reference.WindowCount,
            reference.MinimumWindows,
            reference.TargetRunLength);
    }

    public DriftReference Reference { get; }

    /// <summary>Windows observed since the start or the last <see cref="Reset"/>.</summary>
    public long WindowsSeen { get; private set; }

    /// <summary>The latest verdict, or null before the first.</summary>
    public DriftVerdict? Latest => _latest;

    /// <summary>Adds a window with no model output (outputs are not judged for it).</summary>
    public DriftVerdict? Observe(ReadOnlySpan<float> features) => Observe(features, []);

    /// <summary>
    /// Adds one window: its features, in model-input order, and its outputs, in profile order (or none). NaN and
    /// infinite values are counted and skipped.
    /// </summary>
    /// <returns>A verdict when one is due, otherwise null.</returns>
    /// <exception cref="ArgumentException">The window has the wrong number of features or outputs.</exception>
    public DriftVerdict? Observe(ReadOnlySpan<float> features, ReadOnlySpan<float> outputs)
    {
        if (features.Length != _windows.Length)
        {
            throw new ArgumentException($"The window has {features.Length} feature values; the model has {_windows.Length}.", nameof(features));
        }

        if (outputs.Length != 0 && outputs.Length != _outputs.Length)
        {
            throw new ArgumentException($"The window has {outputs.Length} output values; the profile has {_outputs.Length} (or pass none).", nameof(outputs));
        }

        WindowsSeen++;
        int skipped = -1;
        for (int i = 0; i < features.Length; i++)
        {
            if (!_windows[i].Add(features[i]))
            {
                skipped = i;
            }
        }

        bool judging = WindowsSeen >= Reference.MinimumWindows;
        bool alarm = false;
        for (int o = 0; o < outputs.Length; o++)
        {
            if (_outputs[o].Observe(outputs[o]))
            {
                if (judging)
                {
                    alarm = true;
                }
                else
                {
                    _outputs[o].ClearAlarm();
                }
            }
            else if (!float.IsFinite(outputs[o]) && _outputs[o].Reference.Monitored)
            {
                skipped = features.Length + o;
            }
        }

        if (skipped >= 0)
        {
            NonFiniteSeen(skipped);
        }

        return alarm || WindowsSeen % Reference.EvaluateEvery == 0 ? Judge(judging) : null;
    }

    /// <summary>Forgets every window and restarts the tests, as for a new stream.</summary>
    public void Reset()
    {
        foreach (FeatureWindow w in _windows)
        {
            w.Clear();
        }

        foreach (OutputWatch o in _outputs)
        {
            o.Clear();
        }

        Array.Clear(_outputWasChanged);
        WindowsSeen = 0;
        _drifting = false;
        _latest = null;
    }

    private void NonFiniteSeen(int index)
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (now >= _nextNonFiniteLog)
        {
            _nextNonFiniteLog = now + Reference.LogRepeatInterval;
            string name = index < _windows.Length ? Reference.Features[index].Name : Reference.Outputs[index - _windows.Length].Name;
            Log.NonFiniteSkipped(_logger, TotalNonFinite(), name);
        }
    }

    private long TotalNonFinite() => _windows.Sum(w => w.NonFinite) + _outputs.Sum(o => o.NonFinite);
}
