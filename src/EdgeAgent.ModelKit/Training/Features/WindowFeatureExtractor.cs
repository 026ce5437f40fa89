namespace EdgeAgent.ModelKit.Training.Features;

/// <summary>Computes the vector a <see cref="WindowFeatureSpec"/> describes.</summary>
public static class WindowFeatureExtractor
{
    /// <summary>
    /// The feature vector of the window that ends at sample <paramref name="end"/> (inclusive) of series
    /// whose channels are in <paramref name="series"/>. Samples before the start of the series are
    /// padded as <see cref="WindowFeatureSpec.Padding"/> says.
    /// </summary>
    public static float[] Compute(WindowFeatureSpec spec, IReadOnlyDictionary<string, double[]> series, int end)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(series);
        var vector = new float[spec.Features.Count];
        var window = new double[spec.WindowLength];
        string? filled = null;
        for (int i = 0; i < spec.Features.Count; i++)
        {
            WindowFeature feature = spec.Features[i];
            if (!string.Equals(filled, feature.Channel, StringComparison.Ordinal))
            {
                if (!series.TryGetValue(feature.Channel, out double[]? values))
                {
                    throw new ArgumentException($"The series has no channel '{feature.Channel}'.", nameof(series));
                }

                Fill(values, end, window);
                filled = feature.Channel;
            }

            vector[i] = (float)Statistic(window, feature);
        }

        return vector;
    }

    /// <summary>Copies the window ending at <paramref name="end"/>, repeating sample 0 for positions before the series starts.</summary>
    public static void Fill(ReadOnlySpan<double> values, int end, Span<double> window)
    {
        if (end < 0 || end >= values.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, $"The series has {values.Length} samples.");
        }

        int length = window.Length;
        for (int k = 0; k < length; k++)
        {
            int source = end - (length - 1) + k;
            window[k] = values[Math.Max(source, 0)];
        }
    }

    /// <summary>One statistic of a filled window.</summary>
    public static double Statistic(ReadOnlySpan<double> window, WindowFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        int n = window.Length;
        switch (feature.Statistic)
        {
            case WindowStatistic.Mean:
                return Mean(window);
            case WindowStatistic.StandardDeviation:
            {
                double mean = Mean(window);
                double sum = 0;
                foreach (double x in window)
                {
                    sum += (x - mean) * (x - mean);
                }

                return Math.Sqrt(sum / n);
            }

            case WindowStatistic.Min:
            {
                double min = window[0];
                foreach (double x in window)
                {
                    min = Math.Min(min, x);
                }

                return min;
            }

            case WindowStatistic.Max:
            {
                double max = window[0];
                foreach (double x in window)
                {
                    max = Math.Max(max, x);
                }

                return max;
            }

            case WindowStatistic.Last:
                return window[n - 1];
            case WindowStatistic.Slope:
            {
                double meanT = (n - 1) / 2.0;
                double mean = Mean(window);
                double numerator = 0;
                double denominator = 0;
                for (int t = 0; t < n; t++)
                {
                    numerator += (t - meanT) * (window[t] - mean);
                    denominator += (t - meanT) * (t - meanT);
                }

                return denominator == 0 ? 0 : numerator / denominator;
            }

            case WindowStatistic.Ewma:
            {
                double alpha = feature.Parameter;
                double e = window[0];
                for (int t = 1; t < n; t++)
                {
                    e = (alpha * window[t]) + ((1 - alpha) * e);
                }

                return e;
            }

            case WindowStatistic.RecentMean:
                return Mean(window[(n - (int)feature.Parameter)..]);
            default:
                throw new ArgumentException($"Unknown statistic {feature.Statistic}.", nameof(feature));
        }
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double x in values)
        {
            sum += x;
        }

        return sum / values.Length;
    }
}
