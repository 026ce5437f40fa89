using EdgeAgent.Drift.Statistics;

namespace EdgeAgent.Drift.Calibration;

/// <summary>
/// The PSI threshold for a false-alarm probability α, from the exact null distribution of PSI under Poisson sampling.
/// <para>
/// n·PSI is a sum over the merged bins of n (p - q) ln(p / q), each term a function of that bin's live count. With the
/// counts taken as independent Poisson(n q) (Poissonization: the multinomial's fixed total is dropped, which adds
/// about one degree of freedom and so errs towards a higher threshold) the distribution of the sum is the
/// convolution of the terms' distributions, computed on a grid of <see cref="Step"/> with each term rounded up (also
/// erring high). Its tail is read off exactly, to far below what a simulation of reasonable size could reach: PSI's
/// far tail is heavier than a chi-square's, because a bin that happens to be nearly empty adds q ln(q / p), which grows
/// without bound as p falls (the half-count floor stops it at a finite value), and moment-matched or exponential
/// extrapolations from a few thousand draws put the 1e-4 quantile too low by a factor of two to four in false alarms.
/// </para>
/// <para>
/// The reference shares are themselves estimated from <c>Count</c> training windows; the live-versus-reference
/// difference varies by about (1 + n / Count) times the live-only figure, and the threshold is scaled by that.
/// </para>
/// </summary>
internal static class PsiCalibration
{
    /// <summary>The grid step, in units of n·PSI (whose null mean is about the number of bins).</summary>
    public const double Step = 0.02;

    /// <summary>Counts less likely than this are left out (their mass is far below any α used).</summary>
    private const double NegligibleProbability = 1e-20;

    /// <summary>The PSI that a batch of <paramref name="n"/> in-control values exceeds with probability at most <paramref name="alpha"/>; +∞ when only one bin is left.</summary>
    public static double Threshold(MergedBins bins, int n, long referenceCount, double alpha)
    {
        if (bins.Count < 2)
        {
            return double.PositiveInfinity;
        }

        // Each bin's possible terms (grid index, probability), over counts up to far into the Poisson tail.
        var terms = new List<(int Index, double Probability)[]>(bins.Count);
        int reach = 0;
        for (int i = 0; i < bins.Count; i++)
        {
            double q = bins.Probability[i], lambda = n * q;
            int maxCount = (int)Math.Ceiling(lambda + (12 * Math.Sqrt(lambda)) + 30);
            var term = new List<(int, double)>();
            int highest = 0;
            for (int c = 0; c <= maxCount; c++)
            {
                double probability = Math.Exp((c * Math.Log(lambda)) - lambda - GammaFunctions.LogGamma(c + 1));
                if (probability < NegligibleProbability)
                {
                    continue;
                }

                double p = Math.Max(c, 0.5) / n;
                int index = (int)Math.Ceiling(n * (p - q) * Math.Log(p / q) / Step);
                term.Add((index, probability));
                highest = Math.Max(highest, index);
            }

            terms.Add([.. term]);
            reach += highest;
        }

        // The grid covers n·PSI up to 10 per bin plus 100, far past any quantile asked for; sums beyond it are kept
        // as one overflow mass, which counts as exceeding every threshold on the grid.
        int length = Math.Min(reach, (int)Math.Ceiling(((10.0 * bins.Count) + 100) / Step)) + 1;
        var distribution = new double[length];
        var next = new double[length];
        distribution[0] = 1;
        double overflow = 0;
        foreach ((int Index, double Probability)[] term in terms)
        {
            Array.Clear(next);
            double spilled = 0;
            for (int x = 0; x < length; x++)
            {
                double mass = distribution[x];
                if (mass == 0)
                {
                    continue;
                }

                foreach ((int index, double probability) in term)
                {
                    int to = x + index;
                    if (to < length)
                    {
                        next[to] += mass * probability;
                    }
                    else
                    {
                        spilled += mass * probability;
                    }
                }
            }

            overflow += spilled;
            (distribution, next) = (next, distribution);
        }

        // The smallest grid value s with P(sum > s) <= alpha.
        double above = overflow;
        int at = length - 1;
        while (at > 0 && above + distribution[at] <= alpha)
        {
            above += distribution[at];
            at--;
        }

        if (above > alpha)
        {
            // Even the grid's end is exceeded too often (it never is in practice): no PSI threshold can be trusted.
            return double.PositiveInfinity;
        }

        return at * Step / n * (1 + ((double)n / Math.Max(referenceCount, 1)));
    }
}
