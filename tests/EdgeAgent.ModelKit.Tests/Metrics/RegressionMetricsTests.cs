using EdgeAgent.ModelKit.Metrics;

namespace EdgeAgent.ModelKit.Tests.Metrics;

public sealed class RegressionMetricsTests
{
    [Fact]
    public void Rmse_HandWorkedExample_IsRootOfMeanSquare()
    {
        // Errors 0, 0, -2, 3: squares 0 + 0 + 4 + 9 = 13, mean 3.25.
        double rmse = RegressionMetrics.Rmse([1, 2, 3, 7], [1, 2, 5, 4]);

        Assert.Equal(Math.Sqrt(3.25), rmse, 12);
    }

    [Fact]
    public void NasaScore_HandWorkedExample_PunishesLateMoreThanEarly()
    {
        // d = -13 → e^1 - 1; d = +10 → e^1 - 1; d = 0 → 0; d = -26 → e^2 - 1; d = +20 → e^2 - 1.
        double score = RegressionMetrics.NasaScore([87, 110, 50, 74, 120], [100, 100, 50, 100, 100]);

        Assert.Equal((2 * (Math.E - 1)) + (2 * ((Math.E * Math.E) - 1)), score, 10);
        Assert.True(RegressionMetrics.NasaScore([110], [100]) > RegressionMetrics.NasaScore([90], [100]));
    }

    [Fact]
    public void Mae_HandWorkedExample_IsMeanAbsoluteError()
    {
        Assert.Equal(1.25, RegressionMetrics.Mae([1, 2, 3, 7], [1, 2, 5, 4]), 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RmseAndNasa_RandomInputs_MatchDefinition(int seed)
    {
        var random = new Random(seed);
        int n = random.Next(1, 300);
        double[] predicted = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() * 150)];
        double[] actual = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() * 150)];

        double expectedRmse = Math.Sqrt(predicted.Zip(actual, (p, a) => Math.Pow(p - a, 2)).Average());
        double expectedNasa = predicted.Zip(actual, (p, a) => p - a).Sum(d => d < 0 ? Math.Exp(-d / 13) - 1 : Math.Exp(d / 10) - 1);

        Assert.Equal(expectedRmse, RegressionMetrics.Rmse(predicted, actual), 9);
        Assert.Equal(expectedNasa, RegressionMetrics.NasaScore(predicted, actual), 6);
    }

    [Fact]
    public void Rmse_LengthsDiffer_Throws()
    {
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Rmse([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Rmse([], []));
    }
}
