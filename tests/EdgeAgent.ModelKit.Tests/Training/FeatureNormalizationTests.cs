using EdgeAgent.ModelKit.Training;

namespace EdgeAgent.ModelKit.Tests.Training;

public sealed class FeatureNormalizationTests
{
    [Fact]
    public void Fit_HandWorkedRows_GivesMeanAndPopulationDeviation()
    {
        // Column 0: 1, 3 → mean 2, deviation 1. Column 1: 10, 10 → constant, deviation replaced by 1.
        FeatureNormalization n = FeatureNormalization.Fit([1, 10, 3, 10], count: 2, width: 2);

        Assert.Equal([2f, 10f], n.Mean);
        Assert.Equal([1f, 1f], n.StandardDeviation);
        float[] normalized = new float[2];
        n.Apply([5, 12], normalized);
        Assert.Equal([3f, 2f], normalized);
    }

    [Fact]
    public void Constructor_NonPositiveDeviation_Throws()
    {
        Assert.Throws<ArgumentException>(() => new FeatureNormalization([0f], [0f]));
    }
}
