using EdgeAgent.Drift.Calibration;
using EdgeAgent.Drift.Tests.Support;

namespace EdgeAgent.Drift.Tests.Calibration;

public sealed class CusumCalibrationTests
{
    /// <summary>Normal increments with reference value k = 0.5: X = Z - 0.5.</summary>
    private static double Increment(double x) => NormalDistribution.Cdf(x + 0.5);

    [Theory]
    [InlineData(4.0, 336.0)]
    [InlineData(5.0, 930.0)]
    public void AverageRunLength_NormalWithKHalf_MatchesTheTabulatedOneSidedValues(double h, double expected)
    {
        // Montgomery's tables give the two-sided ARL0 168 (h 4) and 465 (h 5); one side is twice that.
        Assert.Equal(expected, CusumCalibration.AverageRunLength(Increment, h), 0.02 * expected);
    }

    [Fact]
    public void AverageRunLength_ShiftOfOneSigma_IsShort()
    {
        // Out of control with a one-sigma shift: X = Z + 1 - 0.5; tabulated ARL1 at h 5 is 10.4.
        Assert.Equal(10.4, CusumCalibration.AverageRunLength(x => NormalDistribution.Cdf(x - 0.5), 5), 0.5);
    }

    [Fact]
    public void Limit_TargetOfTheTabulatedRunLength_GivesItsLimit()
    {
        Assert.Equal(5.0, CusumCalibration.Limit(Increment, 930), 0.05);
    }

    [Fact]
    public void Limit_IncrementsNeverPositive_IsTheSmallestLimit()
    {
        Assert.Equal(CusumCalibration.MinLimit, CusumCalibration.Limit(x => x >= -0.1 ? 1 : 0, 1e6));
    }
}
