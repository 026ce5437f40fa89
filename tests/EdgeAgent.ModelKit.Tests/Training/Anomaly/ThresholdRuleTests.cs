using EdgeAgent.ModelKit.Training.Anomaly;

namespace EdgeAgent.ModelKit.Tests.Training.Anomaly;

public sealed class ThresholdRuleTests
{
    [Fact]
    public void Apply_InterpolatesBetweenOrderStatistics()
    {
        double[] scores = [5, 1, 4, 2, 3];

        // Sorted 1..5; rank p/100·(n−1): 50th → 2 (value 3); 90th → 3.6 (4.6); 100th → 5.
        Assert.Equal(3, new ThresholdRule(50).Apply(scores), 12);
        Assert.Equal(4.6, new ThresholdRule(90).Apply(scores), 12);
        Assert.Equal(5, new ThresholdRule(100).Apply(scores), 12);
    }

    [Fact]
    public void ForFalseAlarmRate_IsTheComplementaryPercentile()
    {
        Assert.Equal(99, ThresholdRule.ForFalseAlarmRate(0.01).Percentile, 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => ThresholdRule.ForFalseAlarmRate(1));
    }
}
