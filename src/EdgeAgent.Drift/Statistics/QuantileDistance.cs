using EdgeAgent.Packaging;

namespace EdgeAgent.Drift.Statistics;

/// <summary>
/// A trimmed Wasserstein-1 distance estimated from quantiles: the mean absolute difference between the live and the
/// reference quantile functions over levels 0.01 to 0.99, by the trapezoid rule on the profile's quantile levels, in
/// reference standard deviations. A shift of the whole distribution by d standard deviations scores d. Both sides
/// are read at the same levels with the same interpolation, so a feature with discrete values (an integer count)
/// compares like with like; the minimum and maximum are left out because they follow the sample size, not the data.
/// </summary>
internal static class QuantileDistance
{
    /// <summary>Index of level 0.01 in <see cref="ReferenceProfile.QuantileLevels"/>.</summary>
    public const int First = 1;

    /// <summary>Index of level 0.99.</summary>
    public static int Last => ReferenceProfile.QuantileLevels.Count - 2;

    /// <summary>The distance of the sorted live values from the reference quantiles, divided by <paramref name="std"/>.</summary>
    public static double Of(ReadOnlySpan<float> sortedLive, IReadOnlyList<double> referenceQuantiles, double std)
    {
        IReadOnlyList<double> levels = ReferenceProfile.QuantileLevels;
        int last = Last;
        double sum = 0;
        double previous = Math.Abs(Quantile(sortedLive, levels[First]) - referenceQuantiles[First]);
        for (int j = First + 1; j <= last; j++)
        {
            double current = Math.Abs(Quantile(sortedLive, levels[j]) - referenceQuantiles[j]);
            sum += (levels[j] - levels[j - 1]) * (previous + current) / 2;
            previous = current;
        }

        return sum / (levels[last] - levels[First]) / std;
    }

    /// <summary>Linear-interpolation quantile of sorted values, as <see cref="ValueProfile.Quantile"/> computes it.</summary>
    public static double Quantile(ReadOnlySpan<float> sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((sorted[above] - (double)sorted[below]) * (position - below));
    }
}
