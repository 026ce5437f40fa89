namespace EdgeAgent.Sensing.Pacing;

/// <summary>
/// Paces a stream whose rows carry a stream time (seconds since the stream began): a row may be released once
/// elapsed real time × speed has reached its stream time, so the stream never runs ahead of the clock. Real time is
/// measured on the monotonic clock of the injected <see cref="TimeProvider"/> from the first call. Speed 0 releases
/// every row at once. Not thread-safe.
/// </summary>
internal sealed class StreamPacer
{
    /// <summary>Rows up to this far ahead of the clock count as due (float rounding of stream times).</summary>
    private const double ToleranceSeconds = 1e-9;

    /// <summary>The longest single wait; longer waits are made of several (Task.Delay's limit is about 49 days).</summary>
    private static readonly TimeSpan MaxSingleDelay = TimeSpan.FromDays(1);

    private readonly TimeProvider _time;
    private readonly double _speed;
    private long _origin;
    private bool _started;

    /// <param name="time">The clock.</param>
    /// <param name="speed">Stream seconds per real second; 0 for no pacing.</param>
    public StreamPacer(TimeProvider time, double speed)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!(speed >= 0) || double.IsInfinity(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "Speed must be a finite number, 0 or more.");
        }

        _time = time;
        _speed = speed;
    }

    /// <summary>Whether rows are held back until their time; false for speed 0.</summary>
    public bool IsPaced => _speed > 0;

    /// <summary>The stream time the clock has reached (starting the clock on the first call); +∞ when not paced.</summary>
    public double Now()
    {
        if (!IsPaced)
        {
            return double.PositiveInfinity;
        }

        if (!_started)
        {
            _origin = _time.GetTimestamp();
            _started = true;
            return 0;
        }

        return _time.GetElapsedTime(_origin).Ticks / (double)TimeSpan.TicksPerSecond * _speed;
    }

    /// <summary>Whether a row at <paramref name="streamSeconds"/> may be released now.</summary>
    public bool IsDue(double streamSeconds) => streamSeconds <= Now() + ToleranceSeconds;

    /// <summary>Waits until a row at <paramref name="streamSeconds"/> is due; returns at once when it already is.</summary>
    public async ValueTask WaitUntilAsync(double streamSeconds, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double now = Now();
            if (streamSeconds <= now + ToleranceSeconds)
            {
                return;
            }

            double realSeconds = (streamSeconds - now) / _speed;
            long ticks = (long)Math.Min(Math.Ceiling(realSeconds * TimeSpan.TicksPerSecond), MaxSingleDelay.Ticks);
            await Task.Delay(TimeSpan.FromTicks(Math.Max(1, ticks)), _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
