using EdgeAgent.Drift.Statistics;

namespace EdgeAgent.Drift.Tests.Statistics;

public sealed class GammaFunctionsTests
{
    [Theory]
    [InlineData(5.0, 24.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(10.5, 1133278.3889487856)]
    public void LogGamma_KnownValues_MatchFactorials(double x, double gamma)
    {
        Assert.Equal(Math.Log(gamma), GammaFunctions.LogGamma(x), 10);
    }

    [Fact]
    public void LogGamma_Half_IsLogRootPi()
    {
        Assert.Equal(0.5 * Math.Log(Math.PI), GammaFunctions.LogGamma(0.5), 10);
    }
}
