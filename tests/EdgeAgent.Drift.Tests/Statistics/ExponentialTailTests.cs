using EdgeAgent.Drift.Statistics;
using EdgeAgent.Drift.Tests.Support;

namespace EdgeAgent.Drift.Tests.Statistics;

public sealed class ExponentialTailTests
{
    [Theory]
    [InlineData(1e-3)]
    [InlineData(1e-6)]
    public void UpperQuantile_ExponentialSample_IsMinusLogAlpha(double alpha)
    {
        var random = new Random(3);
        double[] samples = [.. Enumerable.Range(0, 20_000).Select(_ => -Math.Log(1 - random.NextDouble()))];

        Assert.Equal(-Math.Log(alpha), ExponentialTail.UpperQuantile(samples, alpha), 0.05 * -Math.Log(alpha));
    }

    [Fact]
    public void UpperQuantile_NormalSample_ErrsHigh()
    {
        var random = new Random(4);
        double[] samples = [.. Enumerable.Range(0, 2000).Select(_ => NormalDistribution.Sample(random))];

        // The normal's 1e-5 upper quantile is 4.265.
        Assert.InRange(ExponentialTail.UpperQuantile(samples, 1e-5), 4.265, 7);
    }

    [Fact]
    public void UpperQuantile_NoSpread_IsInfinite()
    {
        Assert.Equal(double.PositiveInfinity, ExponentialTail.UpperQuantile([.. Enumerable.Repeat(1.0, 100)], 1e-4));
    }
}
