using EdgeAgent.Drift.Statistics;
using EdgeAgent.Packaging;

namespace EdgeAgent.Drift.Tests.Statistics;

public sealed class PiecewiseLinearDistributionTests
{
    private static readonly PiecewiseLinearDistribution Uniform = new([0.0, 1.0], [0.0, 1.0]);

    [Theory]
    [InlineData(-1.0, 0.0)]
    [InlineData(0.25, 0.25)]
    [InlineData(0.8, 0.8)]
    [InlineData(2.0, 1.0)]
    public void Cdf_Uniform_IsTheValueClamped(double x, double expected)
    {
        Assert.Equal(expected, Uniform.Cdf(x), 12);
    }

    [Fact]
    public void Cdf_AtAnAtom_CountsItsWholeMass()
    {
        var atom = new PiecewiseLinearDistribution([0.0, 1.0, 1.0, 2.0], [0.0, 0.2, 0.7, 1.0]);

        Assert.Equal(0.7, atom.Cdf(1.0), 12);
        Assert.Equal(0.1, atom.Cdf(0.5), 12);
        Assert.Equal(1.0, atom.Quantile(0.5), 12);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.3, 3.0)]
    [InlineData(0.75, 15.0)]
    public void Quantile_TwoPieces_InterpolatesWithinEach(double u, double expected)
    {
        var twoPieces = new PiecewiseLinearDistribution([0.0, 5.0, 25.0], [0.0, 0.5, 1.0]);

        Assert.Equal(expected, twoPieces.Quantile(u), 12);
    }

    [Fact]
    public void ClippedMean_UniformClippedAtHalf_IsThreeEighths()
    {
        // E[min(U, 0.5)] = ∫0^0.5 u du + 0.5 · 0.5 = 0.125 + 0.25.
        Assert.Equal(0.375, Uniform.ClippedMean(0, 0.5), 12);
        Assert.Equal(0.5, Uniform.Mean, 12);
    }

    [Fact]
    public void Of_ProfileOfAUniformSample_HasItsCdf()
    {
        double[] values = [.. Enumerable.Range(0, 10_001).Select(i => i / 10_000.0)];
        var distribution = PiecewiseLinearDistribution.Of(ValueProfile.Of("u", values));

        foreach (double x in new[] { 0.013, 0.2, 0.5, 0.91, 0.995 })
        {
            Assert.Equal(x, distribution.Cdf(x), 3);
        }
    }

    [Fact]
    public void Of_BimodalProfile_KeepsTheGapBetweenTheModesThatQuantilesAloneWouldFill()
    {
        // Half the values near 0, half near 10: the 0.25 and 0.75 quantiles straddle an empty gap.
        double[] values = [.. Enumerable.Range(0, 10_000).Select(i => (i % 2 == 0 ? 0.0 : 10.0) + (i / 2 % 100 / 100.0))];
        var distribution = PiecewiseLinearDistribution.Of(ValueProfile.Of("b", values));

        Assert.Equal(0.5, distribution.Cdf(3), 1);
        Assert.Equal(0.5, distribution.Cdf(7), 1);
    }
}
