namespace EdgeAgent.Sensing.Pacing;

/// <summary>
/// Slots for polling hardware at a fixed rate: slot k falls due k / rate seconds after the first call, on the
/// monotonic clock of the injected <see cref="TimeProvider"/>. A poller that falls behind does not burst to catch up
/// (samples taken back to back would carry wrong times): the slots it missed are skipped and counted, so the
/// timestamps show the gap. Each sample is stamped with the time it was taken: the wall time at the first call plus
/// the monotonic time since, so a wall-clock jump does not bend the stream. Not thread-safe.
/// </summary>
internal sealed class PollingClock
{
    private readonly TimeProvider _time;
    private readonly double _rate;
    private DateTimeOffset _startWall;
    private long _startTimestamp;
    private long _nextSlot;
    private long _reportedMissed;
    private bool _started;

    /// <param name="time">The clock.</param>
    /// <param name="rate">Slots per second, above 0.</param>
    public PollingClock(TimeProvider time, double rate)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!(rate > 0) || double.IsInfinity(rate))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The polling rate must be a finite number above 0.");
        }

        _time = time;
        _rate = rate;
    }

    /// <summary>Slots skipped because the poller was late.</summary>
    public long MissedSlots { get; private set; }

    /// <summary>Waits for the next slot (at once for the first, and when late); then <see cref="Stamp"/> gives the sample's time.</summary>
    public async ValueTask WaitForSlotAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_started)
        {
            _startWall = _time.GetUtcNow();
            _startTimestamp = _time.GetTimestamp();
            _started = true;
        }

        while (true)
        {
            TimeSpan elapsed = _time.GetElapsedTime(_startTimestamp);
            long due = SlotTicks(_nextSlot);
            if (due <= elapsed.Ticks)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromTicks(due - elapsed.Ticks), _time, cancellationToken).ConfigureAwait(false);
        }

        // Late by a whole slot or more: start from the latest slot that has fallen due, skipping the rest.
        long current = (long)Math.Floor(_time.GetElapsedTime(_startTimestamp).Ticks * _rate / TimeSpan.TicksPerSecond);
        if (current > _nextSlot)
        {
            MissedSlots += current - _nextSlot;
            _nextSlot = current;
        }

        _nextSlot++;
    }

    /// <summary>True when <see cref="MissedSlots"/> has grown enough to log again: the first miss, then each doubling.</summary>
    public bool ShouldReportMissed()
    {
        if (MissedSlots == 0 || MissedSlots < 2 * _reportedMissed)
        {
            return false;
        }

        _reportedMissed = MissedSlots;
        return true;
    }

    /// <summary>The time a sample taken now is stamped with.</summary>
    public DateTimeOffset Stamp() => _startWall + _time.GetElapsedTime(_startTimestamp);

    private long SlotTicks(long slot) => (long)Math.Ceiling(slot * TimeSpan.TicksPerSecond / _rate);
}
