namespace EdgeAgent.Drift.Statistics;

/// <summary>
/// Extrapolates a far tail quantile from a simulated sample by peaks over threshold: above the sample's upper
/// <see cref="TailShare"/> quantile u the tail is taken as exponential, with the mean excess over u measured in the
/// sample, so the quantile at α is u + (mean excess) · ln(TailShare / α). For tails that thin out at least as fast as
/// an exponential's (a gamma or chi-square with shape above 1, anything Gaussian-like) the mean excess only shrinks
/// further out, so the extrapolated threshold errs high.
/// </summary>
internal static class ExponentialTail
{
    /// <summary>The share of the sample treated as tail.</summary>
    public const double TailShare = 0.1;

    /// <summary>The value the statistic exceeds with probability <paramref name="alpha"/>; +∞ when the sample has no spread.</summary>
    public static double UpperQuantile(Span<double> samples, double alpha)
    {
        samples.Sort();
        int tail = Math.Max(2, (int)Math.Round(samples.Length * TailShare));
        double threshold = samples[samples.Length - tail - 1];
        double excess = 0;
        for (int i = samples.Length - tail; i < samples.Length; i++)
        {
            excess += samples[i] - threshold;
        }

        excess /= tail;
        if (!(excess > 0))
        {
            return double.PositiveInfinity;
        }

        double share = (double)tail / samples.Length;
        return alpha >= share ? threshold : threshold + (excess * Math.Log(share / alpha));
    }
}
