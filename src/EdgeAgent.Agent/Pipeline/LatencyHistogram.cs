namespace EdgeAgent.Agent.Pipeline;

/// <summary>
/// Latencies in log-spaced buckets (about 4 % wide, 1 µs to about 70 s), recorded without allocating; quantiles
/// are read to bucket precision. Thread-safe for one writer and any readers.
/// </summary>
public sealed class LatencyHistogram
{
    private const double Base = 1.04;
    private const int BucketCount = 460;
    private static readonly double LogBase = Math.Log(Base);
    private readonly long[] _buckets = new long[BucketCount];
    private long _count;
    private long _maxTicks;

    public long Count => Volatile.Read(ref _count);

    public TimeSpan Max => TimeSpan.FromTicks(Volatile.Read(ref _maxTicks));

    public void Record(TimeSpan elapsed)
    {
        double micros = Math.Max(elapsed.TotalMicroseconds, 1);
        int bucket = Math.Min(BucketCount - 1, (int)(Math.Log(micros) / LogBase));
        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Increment(ref _count);
        if (elapsed.Ticks > Volatile.Read(ref _maxTicks))
        {
            Volatile.Write(ref _maxTicks, elapsed.Ticks);
        }
    }

    /// <summary>The upper edge of the bucket holding quantile <paramref name="q"/> (0 to 1); zero when empty.</summary>
    public TimeSpan Quantile(double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        long count = Count;
        if (count == 0)
        {
            return TimeSpan.Zero;
        }

        long rank = Math.Max(1, (long)Math.Ceiling(q * count));
        long seen = 0;
        for (int i = 0; i < BucketCount; i++)
        {
            seen += Volatile.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                return TimeSpan.FromMicroseconds(Math.Pow(Base, i + 1));
            }
        }

        return Max;
    }

    public void Reset()
    {
        Array.Clear(_buckets);
        Volatile.Write(ref _count, 0);
        Volatile.Write(ref _maxTicks, 0);
    }
}
