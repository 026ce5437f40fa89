using EdgeAgent.ModelKit.Training.Features;

namespace EdgeAgent.ModelKit.Tests.Training.Features;

public sealed class WindowFeatureExtractorTests
{
    private static readonly Dictionary<string, double[]> Series = new()
    {
        ["a"] = [1, 2, 4, 8, 16],
        ["b"] = [5, 5, 5, 5, 5],
    };

    [Fact]
    public void Compute_HandWorkedWindow_GivesEachStatistic()
    {
        var spec = new WindowFeatureSpec
        {
            WindowLength = 4,
            Features =
            [
                new("a", WindowStatistic.Mean),
                new("a", WindowStatistic.Last),
                new("a", WindowStatistic.Min),
                new("a", WindowStatistic.Max),
                new("a", WindowStatistic.Slope),
                new("a", WindowStatistic.StandardDeviation),
                new("a", WindowStatistic.Ewma, 0.5),
                new("a", WindowStatistic.RecentMean, 2),
                new("b", WindowStatistic.Slope),
            ],
        };

        // Window ending at index 4: 2, 4, 8, 16.
        float[] v = WindowFeatureExtractor.Compute(spec, Series, end: 4);

        Assert.Equal(7.5f, v[0]);
        Assert.Equal(16f, v[1]);
        Assert.Equal(2f, v[2]);
        Assert.Equal(16f, v[3]);
        // t̄ = 1.5; Σ(t − t̄)(x − x̄) = (−1.5)(−5.5) + (−0.5)(−3.5) + (0.5)(0.5) + (1.5)(8.5) = 23; Σ(t − t̄)² = 5.
        Assert.Equal(4.6f, v[4], 5);
        // Deviations −5.5, −3.5, 0.5, 8.5: squares sum to 115, / 4 = 28.75.
        Assert.Equal((float)Math.Sqrt(28.75), v[5], 5);
        // e = 2 → 3 → 5.5 → 10.75.
        Assert.Equal(10.75f, v[6]);
        Assert.Equal(12f, v[7]);
        Assert.Equal(0f, v[8]);
    }

    [Fact]
    public void Compute_SeriesShorterThanWindow_RepeatsFirstSample()
    {
        var spec = new WindowFeatureSpec { WindowLength = 4, Features = [new("a", WindowStatistic.Mean), new("a", WindowStatistic.Last)] };

        // Window ending at index 1 of [1, 2, …]: padded to 1, 1, 1, 2.
        float[] v = WindowFeatureExtractor.Compute(spec, Series, end: 1);

        Assert.Equal(1.25f, v[0]);
        Assert.Equal(2f, v[1]);
    }

    [Fact]
    public void Validate_BadParameter_Throws()
    {
        var spec = new WindowFeatureSpec { WindowLength = 4, Features = [new("a", WindowStatistic.RecentMean, 5)] };

        Assert.Throws<ArgumentException>(spec.Validate);
        Assert.Throws<ArgumentException>(new WindowFeatureSpec { Features = [new("a", WindowStatistic.Ewma, 0)] }.Validate);
        Assert.Throws<ArgumentException>(new WindowFeatureSpec().Validate);
    }

    [Fact]
    public void PerChannel_OrdersChannelMajor_AndNamesFeatures()
    {
        WindowFeatureSpec spec = WindowFeatureSpec.PerChannel(["x", "y"], [(WindowStatistic.Mean, 0), (WindowStatistic.Ewma, 0.1)], windowLength: 10);

        Assert.Equal(["x.mean", "x.ewma(0.1)", "y.mean", "y.ewma(0.1)"], spec.Features.Select(f => f.Name));
        Assert.Equal(["x", "y"], spec.Channels);
    }
}
