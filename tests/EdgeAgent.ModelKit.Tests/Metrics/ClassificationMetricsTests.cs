using EdgeAgent.ModelKit.Metrics;

namespace EdgeAgent.ModelKit.Tests.Metrics;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void RocAuc_HandWorkedExample_CountsOrderedPairs()
    {
        // Positives 0.35 and 0.8, negatives 0.1 and 0.4: pairs (0.35 > 0.1), (0.35 < 0.4), (0.8 > both) → 3 of 4.
        double auc = ClassificationMetrics.RocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);

        Assert.Equal(0.75, auc, 12);
    }

    [Fact]
    public void RocAuc_Ties_CountOneHalf()
    {
        // Positive 0.5 ties negative 0.5 (½) and beats 0.2 (1); positive 0.9 beats both (2): 3.5 of 4.
        Assert.Equal(0.875, ClassificationMetrics.RocAuc([0.2, 0.5, 0.5, 0.9], [false, false, true, true]), 12);
        Assert.Equal(0.5, ClassificationMetrics.RocAuc([1, 1, 1, 1], [false, true, false, true]), 12);
    }

    [Fact]
    public void RocAuc_PerfectAndReversed_AreOneAndZero()
    {
        Assert.Equal(1.0, ClassificationMetrics.RocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true]), 12);
        Assert.Equal(0.0, ClassificationMetrics.RocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true]), 12);
    }

    [Fact]
    public void AveragePrecision_HandWorkedExample_MatchesStepSum()
    {
        // Descending: 0.8 (pos) P=1 R=½; 0.4 (neg); 0.35 (pos) P=⅔ R=1; → ½·1 + ½·⅔ = 5/6.
        double ap = ClassificationMetrics.AveragePrecision([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);

        Assert.Equal(5.0 / 6.0, ap, 12);
    }

    [Fact]
    public void AveragePrecision_TiedGroup_EntersTogether()
    {
        // 0.9 pos: P=1, R=⅓. Tie at 0.5 of (pos, neg, pos): P=3/4, R=1 → ⅓ + ⅔·¾ = 5/6.
        double ap = ClassificationMetrics.AveragePrecision([0.9, 0.5, 0.5, 0.5, 0.1], [true, true, false, true, false]);

        Assert.Equal(5.0 / 6.0, ap, 12);
    }

    [Fact]
    public void AtThreshold_HandWorkedExample_CountsStrictlyAbove()
    {
        ThresholdCounts counts = ClassificationMetrics.AtThreshold(
            [0.1, 0.5, 0.6, 0.9, 0.5, 0.2], [false, false, true, true, true, false], threshold: 0.5);

        // Called positive: 0.6 (TP), 0.9 (TP). 0.5 is not above the threshold: one FN (label true) and one TN.
        Assert.Equal(new ThresholdCounts(0.5, 2, 0, 3, 1), counts);
        Assert.Equal(1.0, counts.Precision);
        Assert.Equal(2.0 / 3.0, counts.Recall, 12);
        Assert.Equal(0.8, counts.F1, 12);
        Assert.Equal(0.0, counts.FalsePositiveRate);
    }

    [Fact]
    public void AtThreshold_NothingCalled_PrecisionAndF1AreZero()
    {
        ThresholdCounts counts = ClassificationMetrics.AtThreshold([0.1, 0.2], [true, false], threshold: 1);

        Assert.Equal(0, counts.Precision);
        Assert.Equal(0, counts.F1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void RocAuc_RandomInputsWithTies_MatchesPairwiseMannWhitneyCount(int seed)
    {
        (double[] scores, bool[] labels) = RandomScores(seed);
        double wins = 0;
        int pairs = 0;
        for (int p = 0; p < scores.Length; p++)
        {
            for (int n = 0; n < scores.Length; n++)
            {
                if (labels[p] && !labels[n])
                {
                    pairs++;
                    wins += scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0;
                }
            }
        }

        Assert.Equal(wins / pairs, ClassificationMetrics.RocAuc(scores, labels), 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void AveragePrecision_RandomInputsWithTies_MatchesBruteForceStepSum(int seed)
    {
        (double[] scores, bool[] labels) = RandomScores(seed);

        // Brute force over the distinct thresholds, highest first: Σ (R(t) − R(previous t)) · P(t) with "score ≥ t" called.
        double[] thresholds = [.. scores.Distinct().OrderByDescending(s => s)];
        int positives = labels.Count(l => l);
        double sum = 0;
        double previousRecall = 0;
        foreach (double t in thresholds)
        {
            int truePositives = scores.Where((s, i) => s >= t && labels[i]).Count();
            int called = scores.Count(s => s >= t);
            double recall = (double)truePositives / positives;
            sum += (recall - previousRecall) * truePositives / called;
            previousRecall = recall;
        }

        Assert.Equal(sum, ClassificationMetrics.AveragePrecision(scores, labels), 12);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void AtThreshold_RandomInputs_MatchesDirectCounts(int seed)
    {
        (double[] scores, bool[] labels) = RandomScores(seed);
        double threshold = scores[0];

        ThresholdCounts counts = ClassificationMetrics.AtThreshold(scores, labels, threshold);

        Assert.Equal(scores.Where((s, i) => s > threshold && labels[i]).Count(), counts.TruePositives);
        Assert.Equal(scores.Where((s, i) => s > threshold && !labels[i]).Count(), counts.FalsePositives);
        Assert.Equal(scores.Where((s, i) => s <= threshold && !labels[i]).Count(), counts.TrueNegatives);
        Assert.Equal(scores.Where((s, i) => s <= threshold && labels[i]).Count(), counts.FalseNegatives);
    }

    [Fact]
    public void RocAuc_OneClassOrNaN_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.RocAuc([0.1, 0.2], [true, true]));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.RocAuc([double.NaN, 0.2], [true, false]));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.AveragePrecision([0.1, 0.2], [false, false]));
    }

    /// <summary>Scores on a coarse grid (many ties), labels loosely following them, both classes present.</summary>
    private static (double[] Scores, bool[] Labels) RandomScores(int seed)
    {
        var random = new Random(seed);
        int n = random.Next(20, 200);
        double[] scores = [.. Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 10) / 10)];
        bool[] labels = [.. scores.Select(s => random.NextDouble() < 0.2 + (0.5 * s))];
        labels[0] = true;
        labels[1] = false;
        return (scores, labels);
    }
}
