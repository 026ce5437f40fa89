namespace EdgeAgent.Features.Computation;

/// <summary>
/// The statistics of one channel's window. Where the model kit computes the same statistic, the arithmetic is the
/// kit's, in the same order, so a model sees in service exactly what it saw in training.
/// </summary>
public static class WindowStatistics
{
    /// <summary>Σ xᵢ / L.</summary>
    public static double Mean(ReadOnlySpan<double> x)
    {
        double sum = 0;
        foreach (double v in x)
        {
            sum += v;
        }

        return sum / x.Length;
    }

    /// <summary>√(Σ (xᵢ − mean)² / L).</summary>
    public static double Std(ReadOnlySpan<double> x)
    {
        double mean = Mean(x);
        double sum = 0;
        foreach (double v in x)
        {
            sum += (v - mean) * (v - mean);
        }

        return Math.Sqrt(sum / x.Length);
    }

    public static double Min(ReadOnlySpan<double> x)
    {
        double min = x[0];
        foreach (double v in x)
        {
            min = Math.Min(min, v);
        }

        return min;
    }

    public static double Max(ReadOnlySpan<double> x)
    {
        double max = x[0];
        foreach (double v in x)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    /// <summary>√(Σ xᵢ² / L).</summary>
    public static double Rms(ReadOnlySpan<double> x)
    {
        double sum = 0;
        foreach (double v in x)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum / x.Length);
    }

    /// <summary>The largest |xᵢ|.</summary>
    public static double Peak(ReadOnlySpan<double> x)
    {
        double peak = 0;
        foreach (double v in x)
        {
            peak = Math.Max(peak, Math.Abs(v));
        }

        return peak;
    }

    /// <summary>Peak / rms, 0 when rms is 0.</summary>
    public static double Crest(ReadOnlySpan<double> x)
    {
        double rms = Rms(x);
        return rms == 0 ? 0 : Peak(x) / rms;
    }

    /// <summary>m₄ / m₂² (population moments), 0 when every sample is equal.</summary>
    public static double Kurtosis(ReadOnlySpan<double> x)
    {
        if (AllEqual(x))
        {
            return 0;
        }

        double mean = Mean(x);
        double m2 = 0;
        double m4 = 0;
        foreach (double v in x)
        {
            double d = (v - mean) * (v - mean);
            m2 += d;
            m4 += d * d;
        }

        m2 /= x.Length;
        m4 /= x.Length;
        return m4 / (m2 * m2);
    }

    /// <summary>m₃ / m₂^1.5 (population moments), 0 when every sample is equal.</summary>
    public static double Skewness(ReadOnlySpan<double> x)
    {
        if (AllEqual(x))
        {
            return 0;
        }

        double mean = Mean(x);
        double m2 = 0;
        double m3 = 0;
        foreach (double v in x)
        {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
        }

        m2 /= x.Length;
        m3 /= x.Length;
        return m3 / (m2 * Math.Sqrt(m2));
    }

    /// <summary>Σ (t − t̄)(xₜ − x̄) / Σ (t − t̄)², 0 for a window of one.</summary>
    public static double Slope(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        double meanT = (n - 1) / 2.0;
        double mean = Mean(x);
        double numerator = 0;
        double denominator = 0;
        for (int t = 0; t < n; t++)
        {
            numerator += (t - meanT) * (x[t] - mean);
            denominator += (t - meanT) * (t - meanT);
        }

        return denominator == 0 ? 0 : numerator / denominator;
    }

    /// <summary>e₀ = x₀, eₜ = α·xₜ + (1 − α)·eₜ₋₁; returns e_{L−1}.</summary>
    public static double Ewma(ReadOnlySpan<double> x, double alpha)
    {
        double e = x[0];
        for (int t = 1; t < x.Length; t++)
        {
            e = (alpha * x[t]) + ((1 - alpha) * e);
        }

        return e;
    }

    /// <summary>The mean of the newest <paramref name="k"/> samples.</summary>
    public static double RecentMean(ReadOnlySpan<double> x, int k) => Mean(x[(x.Length - k)..]);

    private static bool AllEqual(ReadOnlySpan<double> x)
    {
        foreach (double v in x)
        {
            if (v != x[0])
            {
                return false;
            }
        }

        return true;
    }
}
