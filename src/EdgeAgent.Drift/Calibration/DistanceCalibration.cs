using EdgeAgent.Drift.Statistics;

namespace EdgeAgent.Drift.Calibration;

/// <summary>
/// The quantile-distance threshold for a false-alarm probability α, by simulation from the profile at start.
/// <para>
/// <see cref="Batches"/> in-control batches of n values are drawn from the distribution the profile describes
/// (<see cref="PiecewiseLinearDistribution.Of"/>: its quantiles and bins), with a fixed seed per feature so that the
/// same profile always gives the same thresholds, and the distance of each from the reference quantiles is computed
/// exactly as for live data. The per-test α (from <see cref="FalseAlarmBudget"/>) is far below what 2,000 draws
/// resolve, so the tail beyond the simulated 90th percentile is extrapolated as exponential
/// (<see cref="ExponentialTail"/>); the distance's tail is Gaussian-like, lighter than that, so the threshold errs high.
/// </para>
/// <para>
/// The reference quantiles are themselves estimated from <c>Count</c> training windows; the live-versus-reference
/// difference varies by about (1 + n / Count) times the live-only figure, so the threshold is scaled by its root.
/// </para>
/// </summary>
internal static class DistanceCalibration
{
    /// <summary>Simulated in-control batches per feature.</summary>
    public const int Batches = 2000;

    /// <summary>The seed of feature 0; feature i uses Seed + i.</summary>
    public const int Seed = 8000;

    /// <summary>The quantile-distance threshold, in reference standard deviations.</summary>
    public static double Threshold(PiecewiseLinearDistribution quantiles, IReadOnlyList<double> referenceQuantiles, double std, int n, long referenceCount, double alpha, int seed)
    {
        var random = new Random(seed);
        var batch = new float[n];
        var distance = new double[Batches];
        for (int b = 0; b < Batches; b++)
        {
            for (int k = 0; k < n; k++)
            {
                batch[k] = (float)quantiles.Quantile(random.NextDouble());
            }

            Array.Sort(batch);
            distance[b] = QuantileDistance.Of(batch, referenceQuantiles, std);
        }

        return ExponentialTail.UpperQuantile(distance, alpha) * Math.Sqrt(1 + ((double)n / Math.Max(referenceCount, 1)));
    }
}
