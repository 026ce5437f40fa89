namespace EdgeAgent.ModelKit.Metrics;

/// <summary>
/// Quality of a score that should be higher for positive rows (anomalies, failures): ROC AUC, average
/// precision (PR AUC) and the counts at one threshold.
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>
    /// The area under the ROC curve: the probability that a random positive scores above a random
    /// negative, ties counting one half (the Mann-Whitney U statistic from mid-ranks).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, a score is NaN, or one class is absent.</exception>
    public static double RocAuc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        (int positives, int negatives) = Check(scores, labels);
        int[] order = Ascending(scores);
        double positiveRankSum = 0;
        int i = 0;
        while (i < order.Length)
        {
            int j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            // Ranks i+1..j+1 share the mid-rank.
            double midRank = (i + 1 + j + 1) / 2.0;
            for (int k = i; k <= j; k++)
            {
                if (labels[order[k]])
                {
                    positiveRankSum += midRank;
                }
            }

            i = j + 1;
        }

        double u = positiveRankSum - (positives * (positives + 1.0) / 2.0);
        return u / ((double)positives * negatives);
    }

    /// <summary>
    /// Average precision, the step-wise area under the precision-recall curve:
    /// Σ (Rₖ − Rₖ₋₁) Pₖ over the distinct scores taken as thresholds from the highest down
    /// (rows with equal scores enter together), as scikit-learn computes it.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, a score is NaN, or there is no positive row.</exception>
    public static double AveragePrecision(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        (int positives, _) = Check(scores, labels, requireNegatives: false);
        int[] order = Ascending(scores);
        int truePositives = 0;
        int called = 0;
        double previousRecall = 0;
        double sum = 0;
        int i = order.Length - 1;
        while (i >= 0)
        {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]])
            {
                j--;
            }

            for (int k = j; k <= i; k++)
            {
                called++;
                if (labels[order[k]])
                {
                    truePositives++;
                }
            }

            double recall = (double)truePositives / positives;
            double precision = (double)truePositives / called;
            sum += (recall - previousRecall) * precision;
            previousRecall = recall;
            i = j - 1;
        }

        return sum;
    }

    /// <summary>Counts rows with score &gt; <paramref name="threshold"/> as positive and compares with the labels.</summary>
    public static ThresholdCounts AtThreshold(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double threshold)
    {
        if (scores.Length != labels.Length)
        {
            throw new ArgumentException($"There are {scores.Length} scores but {labels.Length} labels.", nameof(labels));
        }

        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            bool called = scores[i] > threshold;
            if (called && labels[i])
            {
                tp++;
            }
            else if (called)
            {
                fp++;
            }
            else if (labels[i])
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }

        return new ThresholdCounts(threshold, tp, fp, tn, fn);
    }

    private static (int Positives, int Negatives) Check(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, bool requireNegatives = true)
    {
        if (scores.Length != labels.Length)
        {
            throw new ArgumentException($"There are {scores.Length} scores but {labels.Length} labels.", nameof(labels));
        }

        int positives = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (double.IsNaN(scores[i]))
            {
                throw new ArgumentException($"Score {i} is NaN.", nameof(scores));
            }

            if (labels[i])
            {
                positives++;
            }
        }

        int negatives = scores.Length - positives;
        if (positives == 0 || (requireNegatives && negatives == 0))
        {
            throw new ArgumentException($"Both classes are needed; there are {positives} positive and {negatives} negative rows.", nameof(labels));
        }

        return (positives, negatives);
    }

    private static int[] Ascending(ReadOnlySpan<double> scores)
    {
        double[] keys = scores.ToArray();
        int[] order = [.. Enumerable.Range(0, keys.Length)];
        Array.Sort(keys, order);
        return order;
    }
}
