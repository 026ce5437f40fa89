using EdgeAgent.Features.Computation;
using EdgeAgent.Features.Quality;

namespace EdgeAgent.Features.Windows;

/// <summary>
/// Cuts each channel's samples into the plan's windows. Every sample passes its channel's <see cref="SampleQualityMonitor"/>
/// and is kept in a ring of one window with its faults. A window falls due when every channel has <see cref="FeaturePlan.Hop"/>
/// new samples (and, without padding, a full window); <see cref="TakeWindow"/> then copies it out, repairs or skips it as the
/// policies say, and returns its <see cref="WindowQuality"/>. Nothing is silent: a window is clean, flagged, repaired or skipped
/// with a recorded reason. Steady state allocates nothing. Not thread-safe.
/// </summary>
public sealed partial class WindowAssembler
{
    private const int SkipsKept = 16;
    private readonly ChannelRing[] _rings;
    private readonly SampleQualityMonitor[] _monitors;
    private readonly int[] _newSamples;
    private readonly SampleFaults[] _dropped;
    private readonly SampleFaults[] _lastFaults;
    private readonly SampleFaults[] _faults;
    private readonly RepairAction[] _actions;
    private readonly Queue<SkippedWindow> _skips = new();
    private long _sequence;

    /// <param name="plan">The compiled feature spec.</param>
    /// <param name="quality">Options per channel name; channels not listed get <see cref="SampleQualityOptions.Default"/>.</param>
    /// <param name="time">The clock clock-jump checks read. Default <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">Options name an unknown channel or are out of range.</exception>
    public WindowAssembler(FeaturePlan plan, IReadOnlyDictionary<string, SampleQualityOptions>? quality = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        quality ??= new Dictionary<string, SampleQualityOptions>();
        time ??= TimeProvider.System;
        foreach (string name in quality.Keys)
        {
            _ = plan.ChannelIndex(name);
        }

        Plan = plan;
        int channels = plan.Channels.Count;
        _rings = new ChannelRing[channels];
        _monitors = new SampleQualityMonitor[channels];
        for (int c = 0; c < channels; c++)
        {
            string name = plan.Channels[c];
            _rings[c] = new ChannelRing(plan.Window);
            _monitors[c] = new SampleQualityMonitor(name, quality.TryGetValue(name, out SampleQualityOptions? o) ? o : SampleQualityOptions.Default, time);
        }

        _newSamples = new int[channels];
        _dropped = new SampleFaults[channels];
        _lastFaults = new SampleFaults[channels];
        _faults = new SampleFaults[plan.Window];
        _actions = new RepairAction[plan.Window];
    }

    public FeaturePlan Plan { get; }

    /// <summary>Windows taken, skipped ones included.</summary>
    public long Windows => _sequence;

    public long CleanWindows { get; private set; }

    public long FlaggedWindows { get; private set; }

    public long RepairedWindows { get; private set; }

    public long SkippedWindows { get; private set; }

    /// <summary>The latest skipped windows (up to 16), oldest first.</summary>
    public IReadOnlyList<SkippedWindow> RecentSkips => [.. _skips];

    /// <summary>True when every channel has <see cref="FeaturePlan.Hop"/> new samples (and a full window unless padding repeats the first sample).</summary>
    public bool IsWindowDue
    {
        get
        {
            for (int c = 0; c < _rings.Length; c++)
            {
                if (_newSamples[c] < Plan.Hop || (!Plan.RepeatFirst && _rings[c].Total < Plan.Window))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>A channel's monitor, with its fault counters.</summary>
    public SampleQualityMonitor Monitor(int channel) => _monitors[channel];

    /// <summary>A channel's monitor by name.</summary>
    public SampleQualityMonitor Monitor(string channel) => _monitors[Plan.ChannelIndex(channel)];

    /// <summary>The faults of one channel in the latest window taken.</summary>
    public SampleFaults ChannelFaults(int channel) => _lastFaults[channel];

    /// <summary>Adds one sample of one channel, taken at <paramref name="timestamp"/> when known.</summary>
    /// <exception cref="InvalidOperationException">A window is due and has not been taken.</exception>
    public SampleVerdict Push(int channel, double value, DateTimeOffset? timestamp = null)
    {
        ThrowIfDue();
        return Add(channel, value, timestamp);
    }

    /// <summary>Adds one sample of every channel, in plan order.</summary>
    /// <exception cref="InvalidOperationException">A window is due and has not been taken.</exception>
    public void PushRow(ReadOnlySpan<double> row, DateTimeOffset? timestamp = null)
    {
        if (row.Length != _rings.Length)
        {
            throw new ArgumentException($"The row holds {row.Length} values; the plan has {_rings.Length} channels.", nameof(row));
        }

        ThrowIfDue();
        for (int c = 0; c < row.Length; c++)
        {
            Add(c, row[c], timestamp);
        }
    }

    private SampleVerdict Add(int channel, double value, DateTimeOffset? timestamp)
    {
        SampleVerdict verdict = _monitors[channel].Observe(value, timestamp);
        if (verdict.Action == RepairAction.DropSample)
        {
            _dropped[channel] |= verdict.Faults;
            return verdict;
        }

        _rings[channel].Add(verdict.Value, verdict.Faults, verdict.Action);
        _newSamples[channel]++;
        return verdict;
    }

    private void ThrowIfDue()
    {
        if (IsWindowDue)
        {
            throw new InvalidOperationException("A window is due; take it before adding samples, or it would be lost.");
        }
    }
}
