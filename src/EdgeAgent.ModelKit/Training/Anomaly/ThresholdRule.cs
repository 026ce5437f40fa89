using System.Globalization;

namespace EdgeAgent.ModelKit.Training.Anomaly;

/// <summary>
/// How the alarm threshold is chosen from the scores of the normal training rows: the
/// <see cref="Percentile"/>-th percentile (linear interpolation between order statistics, as numpy's
/// default). A row is an anomaly when its score is strictly above the threshold, so about
/// (100 − Percentile) % of normal rows like the training ones raise a false alarm.
/// </summary>
/// <param name="Percentile">In (0, 100]. Default 99.</param>
public sealed record ThresholdRule(double Percentile = 99)
{
    /// <summary>The rule whose expected false-alarm rate on normal rows is <paramref name="rate"/> (e.g. 0.01 → 99th percentile).</summary>
    public static ThresholdRule ForFalseAlarmRate(double rate) =>
        rate is >= 0 and < 1 ? new ThresholdRule(100 * (1 - rate)) : throw new ArgumentOutOfRangeException(nameof(rate), rate, "A rate in [0, 1) is needed.");

    /// <summary>A sentence for reports and manifests.</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"score > {Percentile}th percentile (linear interpolation) of the training normal rows' scores");

    /// <summary>The threshold for these training scores.</summary>
    public double Apply(IReadOnlyList<double> trainingScores)
    {
        ArgumentNullException.ThrowIfNull(trainingScores);
        if (Percentile is not (> 0 and <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(Percentile), Percentile, "A percentile in (0, 100] is needed.");
        }

        if (trainingScores.Count == 0)
        {
            throw new ArgumentException("No training scores were given.", nameof(trainingScores));
        }

        double[] sorted = [.. trainingScores];
        Array.Sort(sorted);
        double rank = Percentile / 100 * (sorted.Length - 1);
        int below = (int)Math.Floor(rank);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((rank - below) * (sorted[above] - sorted[below]));
    }
}
