namespace EdgeAgent.Mqtt.Client;

/// <summary>
/// Waits between connection attempts: exponential backoff with "equal jitter". The n-th wait since the last accepted
/// connection (n from 0) is drawn uniformly from the upper half of min(max, min × 2^(n+1)): 1-2 s, 2-4 s, 4-8 s ... then
/// 30-60 s with the defaults. It never falls back while failures go on, and devices that lost the broker together spread
/// their attempts over half of each interval instead of coming back in step. <see cref="Reset"/> after an accepted connection.
/// </summary>
internal sealed class ReconnectBackoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly Random _random;
    private int _attempt;

    public ReconnectBackoff(TimeSpan min, TimeSpan max, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        ArgumentNullException.ThrowIfNull(random);
        _min = min;
        _max = max;
        _random = random;
    }

    /// <summary>The wait before the next attempt, between the minimum and the maximum.</summary>
    public TimeSpan Next()
    {
        // 2^(n+1) stops growing once past the maximum; 62 doublings would overflow anyway.
        double factor = Math.Pow(2, Math.Min(_attempt + 1, 62));
        long ceiling = (long)Math.Min(_max.Ticks, _min.Ticks * factor);
        if (ceiling < _max.Ticks)
        {
            _attempt++;
        }

        long next = (ceiling / 2) + (long)(_random.NextDouble() * (ceiling - (ceiling / 2)));
        return TimeSpan.FromTicks(Math.Clamp(next, _min.Ticks, _max.Ticks));
    }

    /// <summary>Starts again from the minimum (after a connection the broker accepted).</summary>
    public void Reset() => _attempt = 0;
}
