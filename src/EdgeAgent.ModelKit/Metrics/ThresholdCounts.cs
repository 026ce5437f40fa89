namespace EdgeAgent.ModelKit.Metrics;

/// <summary>
/// The confusion counts of a score threshold: a row is called positive when its score is strictly
/// greater than <see cref="Threshold"/>.
/// </summary>
public sealed record ThresholdCounts(double Threshold, int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    /// <summary>TP / (TP + FP); 0 when nothing is called positive.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 0 when there are no positives.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>FP / (FP + TN): the false-alarm rate; 0 when there are no negatives.</summary>
    public double FalsePositiveRate => FalsePositives + TrueNegatives == 0 ? 0 : (double)FalsePositives / (FalsePositives + TrueNegatives);

    /// <summary>2PR / (P + R); 0 when precision and recall are both 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
