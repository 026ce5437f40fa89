using System.Diagnostics;

namespace EdgeAgent.Benchmarks;

/// <summary>Turns per-call Stopwatch ticks into microseconds: mean, median, 99th percentile, minimum.</summary>
internal readonly record struct LatencyStatistics(double MeanUs, double MedianUs, double P99Us, double MinUs)
{
    public static double ToMicroseconds(double ticks) => ticks * 1e6 / Stopwatch.Frequency;

    public static LatencyStatistics Of(long[] ticks)
    {
        long[] sorted = (long[])ticks.Clone();
        Array.Sort(sorted);
        int n = sorted.Length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2.0;
        long p99 = sorted[Math.Max(0, (int)Math.Ceiling(0.99 * n) - 1)];
        double mean = Sum(ticks) / (double)n;
        return new LatencyStatistics(ToMicroseconds(mean), ToMicroseconds(median), ToMicroseconds(p99), ToMicroseconds(sorted[0]));
    }

    public static long Sum(ReadOnlySpan<long> ticks)
    {
        long sum = 0;
        foreach (long t in ticks)
        {
            sum += t;
        }

        return sum;
    }
}
