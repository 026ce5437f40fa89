using EdgeAgent.ModelKit.Training.Anomaly;

namespace EdgeAgent.ModelKit.Tests.Training.Anomaly;

public sealed class DerivedFeatureTests
{
    [Fact]
    public void Compute_Ai4iFeatures_ApplyOperationAndFactor()
    {
        Assert.Equal(2 * Math.PI / 60 * 40 * 1500, Ai4iFeatures.Power.Compute(40, 1500), 9);
        Assert.Equal(10.5, Ai4iFeatures.TemperatureDifference.Compute(310.5, 300), 9);
    }
}
