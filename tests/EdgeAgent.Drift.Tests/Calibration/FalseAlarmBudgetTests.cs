using EdgeAgent.Drift.Calibration;

namespace EdgeAgent.Drift.Tests.Calibration;

public sealed class FalseAlarmBudgetTests
{
    [Fact]
    public void Split_FeaturesAndOutputs_ShareTheRateHalfAndHalf()
    {
        var budget = FalseAlarmBudget.Split(100_000, 50, featureTests: 10, outputTests: 2);

        // Features: one false alarm in 200,000 windows over 4,000 judgements of 10 tests each.
        Assert.Equal(50.0 / 200_000 / 10, budget.FeatureTestAlpha, 15);

        // Outputs: one in 200,000 windows over 2 tests, so 400,000 windows each.
        Assert.Equal(400_000, budget.OutputTestRunLength);
    }

    [Fact]
    public void Split_FeaturesOnly_GetTheWholeRate()
    {
        var budget = FalseAlarmBudget.Split(100_000, 50, featureTests: 10, outputTests: 0);

        Assert.Equal(50.0 / 100_000 / 10, budget.FeatureTestAlpha, 15);
    }
}
