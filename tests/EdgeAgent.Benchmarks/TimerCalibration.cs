using System.Diagnostics;

namespace EdgeAgent.Benchmarks;

/// <summary>What one <see cref="Stopwatch.GetTimestamp"/> plus the loop around it costs; every case's per-call time includes it once.</summary>
internal static class TimerCalibration
{
    public static double MedianNanoseconds(int samples = 200_000)
    {
        var ticks = new long[samples];
        for (int pass = 0; pass < 3; pass++)
        {
            long previous = Stopwatch.GetTimestamp();
            for (int i = 0; i < ticks.Length; i++)
            {
                long now = Stopwatch.GetTimestamp();
                ticks[i] = now - previous;
                previous = now;
            }
        }

        return LatencyStatistics.Of(ticks).MedianUs * 1000;
    }
}
