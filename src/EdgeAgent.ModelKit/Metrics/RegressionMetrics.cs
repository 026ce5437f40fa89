namespace EdgeAgent.ModelKit.Metrics;

/// <summary>Errors of predicted against true values: root mean squared error and the NASA prognostics score.</summary>
public static class RegressionMetrics
{
    /// <summary>√(Σ (predicted − actual)² / n).</summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static double Rmse(ReadOnlySpan<double> predicted, ReadOnlySpan<double> actual)
    {
        CheckPairs(predicted, actual);
        double sum = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            double d = predicted[i] - actual[i];
            sum += d * d;
        }

        return Math.Sqrt(sum / predicted.Length);
    }

    /// <summary>Σ |predicted − actual| / n.</summary>
    public static double Mae(ReadOnlySpan<double> predicted, ReadOnlySpan<double> actual)
    {
        CheckPairs(predicted, actual);
        double sum = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            sum += Math.Abs(predicted[i] - actual[i]);
        }

        return sum / predicted.Length;
    }

    /// <summary>
    /// The scoring function of the PHM08 challenge (Saxena et al. 2008): with d = predicted − actual,
    /// s = Σ e^(−d/13) − 1 for d &lt; 0 (early predictions) and e^(d/10) − 1 for d ≥ 0 (late ones, punished harder).
    /// Lower is better; a perfect prediction scores 0.
    /// </summary>
    public static double NasaScore(ReadOnlySpan<double> predicted, ReadOnlySpan<double> actual)
    {
        CheckPairs(predicted, actual);
        double sum = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            double d = predicted[i] - actual[i];
            sum += d < 0 ? Math.Exp(-d / 13.0) - 1.0 : Math.Exp(d / 10.0) - 1.0;
        }

        return sum;
    }

    private static void CheckPairs(ReadOnlySpan<double> predicted, ReadOnlySpan<double> actual)
    {
        if (predicted.Length != actual.Length)
        {
            throw new ArgumentException($"There are {predicted.Length} predictions but {actual.Length} true values.", nameof(actual));
        }

        if (predicted.Length == 0)
        {
            throw new ArgumentException("At least one prediction is needed.", nameof(predicted));
        }
    }
}
