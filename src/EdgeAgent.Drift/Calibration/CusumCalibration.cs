namespace EdgeAgent.Drift.Calibration;

/// <summary>
/// The average run length of a one-sided CUSUM S_t = max(0, S_{t-1} + X_t), alarm when S_t &gt; h, for independent
/// increments X with a known CDF, by the Markov-chain approximation of Brook and Evans (1972): [0, h] is cut into
/// <see cref="States"/> cells and the expected steps to absorption solve (I - R) a = 1. With the in-control increment
/// distribution this is the mean run length between false alarms; <see cref="Limit"/> inverts it for a target.
/// </summary>
internal static class CusumCalibration
{
    /// <summary>Cells of the chain; the ARL is within about 1% of the exact value at this size.</summary>
    public const int States = 150;

    /// <summary>The smallest limit searched, in reference standard deviations.</summary>
    public const double MinLimit = 0.5;

    /// <summary>The largest limit searched.</summary>
    public const double MaxLimit = 200;

    /// <summary>Run lengths above this are reported as infinite.</summary>
    private const double MaxTrusted = 1e12;

    /// <summary>The in-control average run length from S_0 = 0 with limit <paramref name="h"/>.</summary>
    public static double AverageRunLength(Func<double, double> incrementCdf, double h, int states = States)
    {
        ArgumentNullException.ThrowIfNull(incrementCdf);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(h);
        double w = 2 * h / ((2 * states) - 1);

        // cdfAt[m + states] = F((m + 0.5) w) for m = -states..states: every transition is a difference of two of these.
        var cdfAt = new double[(2 * states) + 1];
        for (int m = -states; m <= states; m++)
        {
            cdfAt[m + states] = incrementCdf((m + 0.5) * w);
        }

        var a = new double[states * states];
        for (int i = 0; i < states; i++)
        {
            for (int j = 0; j < states; j++)
            {
                // State i stands for S = i w; cell 0 holds S <= w/2 (the atom at 0 included), cell j holds ((j - 1/2) w, (j + 1/2) w].
                double r = j == 0 ? cdfAt[-i + states] : cdfAt[j - i + states] - cdfAt[j - i - 1 + states];
                a[(i * states) + j] = (i == j ? 1 : 0) - r;
            }
        }

        double[] ones = [.. Enumerable.Repeat(1.0, states)];
        double arl = Solve(a, ones, states)[0];

        // Past about 1e12 windows the system is too ill-conditioned to trust, and garbage can even come out negative.
        return arl is > 0 and < MaxTrusted ? arl : double.PositiveInfinity;
    }

    /// <summary>
    /// The limit h whose in-control average run length is <paramref name="targetRunLength"/>, by bisection on log h
    /// between <see cref="MinLimit"/> and <see cref="MaxLimit"/>. When the increments cannot be positive the statistic
    /// never grows in control, and the smallest limit is returned.
    /// </summary>
    public static double Limit(Func<double, double> incrementCdf, double targetRunLength)
    {
        ArgumentNullException.ThrowIfNull(incrementCdf);
        if (incrementCdf(0) >= 1 - 1e-12 || AverageRunLength(incrementCdf, MinLimit) >= targetRunLength)
        {
            return MinLimit;
        }

        double lo = Math.Log(MinLimit), hi = Math.Log(MaxLimit);
        if (AverageRunLength(incrementCdf, MaxLimit) < targetRunLength)
        {
            return MaxLimit;
        }

        // Bisection on log h to within 0.1% of h.
        while (hi - lo > 1e-3)
        {
            double mid = 0.5 * (lo + hi);
            if (AverageRunLength(incrementCdf, Math.Exp(mid)) < targetRunLength)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return Math.Exp(hi);
    }

    /// <summary>Solves a x = b (a is n×n, row-major, overwritten) by Gaussian elimination with partial pivoting.</summary>
    private static double[] Solve(double[] a, double[] b, int n)
    {
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[(r * n) + col]) > Math.Abs(a[(pivot * n) + col]))
                {
                    pivot = r;
                }
            }

            if (pivot != col)
            {
                for (int c = 0; c < n; c++)
                {
                    (a[(col * n) + c], a[(pivot * n) + c]) = (a[(pivot * n) + c], a[(col * n) + c]);
                }

                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            double diagonal = a[(col * n) + col];
            if (Math.Abs(diagonal) < 1e-300)
            {
                // The chain cannot leave this state: it never alarms.
                return [.. Enumerable.Repeat(double.PositiveInfinity, n)];
            }

            for (int r = col + 1; r < n; r++)
            {
                double factor = a[(r * n) + col] / diagonal;
                if (factor == 0)
                {
                    continue;
                }

                for (int c = col; c < n; c++)
                {
                    a[(r * n) + c] -= factor * a[(col * n) + c];
                }

                b[r] -= factor * b[col];
            }
        }

        var x = new double[n];
        for (int r = n - 1; r >= 0; r--)
        {
            double sum = b[r];
            for (int c = r + 1; c < n; c++)
            {
                sum -= a[(r * n) + c] * x[c];
            }

            x[r] = sum / a[(r * n) + r];
        }

        return x;
    }
}
