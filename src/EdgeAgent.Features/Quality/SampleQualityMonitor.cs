using System.Numerics;

namespace EdgeAgent.Features.Quality;

/// <summary>
/// Checks one channel's samples as they arrive: NaN/∞, out of range, stuck at one value, gaps and out-of-order
/// timestamps, and clock jumps (the wall clock disagreeing with the monotonic clock of the injected <see cref="TimeProvider"/>).
/// Counts each fault kind and says what the channel's policy does with the sample. Not thread-safe.
/// </summary>
public sealed class SampleQualityMonitor
{
    /// <summary>The single fault kinds, in flag order.</summary>
    public static readonly IReadOnlyList<SampleFaults> Kinds =
    [
        SampleFaults.NonFinite, SampleFaults.OutOfRange, SampleFaults.StuckAt, SampleFaults.Gap, SampleFaults.OutOfOrder, SampleFaults.ClockJump,
    ];

    private readonly TimeProvider _time;
    private readonly long[] _counts = new long[6];
    private bool _hasClock;
    private DateTimeOffset _lastWall;
    private long _lastMonotonic;
    private DateTimeOffset? _lastTimestamp;
    private bool _hasPrevious;
    private double _previous;
    private int _run;
    private bool _hasGood;
    private double _lastGood;

    /// <exception cref="ArgumentException">An option is out of its range or a policy does not suit its fault.</exception>
    public SampleQualityMonitor(string channel, SampleQualityOptions options, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate(channel);
        Channel = channel;
        Options = options;
        _time = time;
    }

    public string Channel { get; }

    public SampleQualityOptions Options { get; }

    /// <summary>Samples observed, faulty ones included.</summary>
    public long Samples { get; private set; }

    /// <summary>Samples with at least one fault.</summary>
    public long FaultySamples { get; private set; }

    /// <summary>Samples replaced by the last good value.</summary>
    public long HeldSamples { get; private set; }

    /// <summary>Samples discarded by a <see cref="RepairAction.DropSample"/> policy.</summary>
    public long DroppedSamples { get; private set; }

    /// <summary>How many samples had fault <paramref name="kind"/> (one kind).</summary>
    public long Count(SampleFaults kind) =>
        BitOperations.IsPow2((int)kind) && (int)kind <= (int)SampleFaults.ClockJump
            ? _counts[BitOperations.TrailingZeroCount((int)kind)]
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Name exactly one fault kind.");

    /// <summary>Checks one sample and counts its faults; <paramref name="timestamp"/> (when the sample was taken) enables the timing checks.</summary>
    public SampleVerdict Observe(double value, DateTimeOffset? timestamp = null)
    {
        Samples++;
        SampleFaults faults = ClockFaults();
        faults |= TimestampFaults(timestamp, faults);
        if (!double.IsFinite(value))
        {
            faults |= SampleFaults.NonFinite;
        }
        else if (value < Options.Minimum || value > Options.Maximum)
        {
            faults |= SampleFaults.OutOfRange;
        }

        bool same = _hasPrevious && value == _previous;
        int run = same ? _run + 1 : 1;
        if (Options.StuckCount is { } stuck && double.IsFinite(value) && run >= stuck)
        {
            faults |= SampleFaults.StuckAt;
        }

        RepairAction action = Options.Policy.ActionFor(faults);
        if (faults != SampleFaults.None)
        {
            FaultySamples++;
            for (int k = 0; k < Kinds.Count; k++)
            {
                if ((faults & Kinds[k]) != 0)
                {
                    _counts[k]++;
                }
            }
        }

        if ((faults & SampleFaults.OutOfOrder) == 0 && timestamp is { } ts)
        {
            _lastTimestamp = ts;
        }

        if (action == RepairAction.DropSample)
        {
            DroppedSamples++;
            return new SampleVerdict(value, faults, action);
        }

        _hasPrevious = true;
        _previous = value;
        _run = run;
        if (action == RepairAction.HoldLast)
        {
            if (_hasGood)
            {
                HeldSamples++;
                return new SampleVerdict(_lastGood, faults, action);
            }

            // Nothing to hold yet: the window repairs it from the samples after it.
            return new SampleVerdict(value, faults, RepairAction.Interpolate);
        }

        if ((faults & (SampleFaults.NonFinite | SampleFaults.OutOfRange)) == 0)
        {
            _hasGood = true;
            _lastGood = value;
        }

        return new SampleVerdict(value, faults, action);
    }

    private SampleFaults ClockFaults()
    {
        DateTimeOffset wall = _time.GetUtcNow();
        long monotonic = _time.GetTimestamp();
        SampleFaults faults = SampleFaults.None;
        if (_hasClock)
        {
            TimeSpan wallStep = wall - _lastWall;
            TimeSpan monotonicStep = _time.GetElapsedTime(_lastMonotonic, monotonic);
            if ((wallStep - monotonicStep).Duration() > Options.ClockJumpTolerance)
            {
                faults = SampleFaults.ClockJump;
            }
        }

        _hasClock = true;
        _lastWall = wall;
        _lastMonotonic = monotonic;
        return faults;
    }

    private SampleFaults TimestampFaults(DateTimeOffset? timestamp, SampleFaults clock)
    {
        if (timestamp is not { } ts || _lastTimestamp is not { } previous)
        {
            return SampleFaults.None;
        }

        if (clock != SampleFaults.None)
        {
            // Timestamps taken from the wall clock jumped with it: start again from this sample rather than count a gap or disorder.
            _lastTimestamp = ts;
            return SampleFaults.None;
        }

        if (ts <= previous)
        {
            return SampleFaults.OutOfOrder;
        }

        return Options.ExpectedPeriod is { } period && (ts - previous).Ticks > Options.GapFactor * period.Ticks
            ? SampleFaults.Gap
            : SampleFaults.None;
    }
}
