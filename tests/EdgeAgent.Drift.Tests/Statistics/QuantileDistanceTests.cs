using EdgeAgent.Drift.Statistics;
using EdgeAgent.Packaging;

namespace EdgeAgent.Drift.Tests.Statistics;

public sealed class QuantileDistanceTests
{
    private static readonly double[] Reference = [.. Enumerable.Range(0, 2001).Select(i => i / 100.0)];
    private static readonly ValueProfile Profile = ValueProfile.Of("x", Reference);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(-2.0)]
    public void Of_TheReferenceShifted_IsTheShiftInStandardDeviations(double sds)
    {
        float[] live = [.. Reference.Select(v => (float)(v + (sds * Profile.Std)))];

        Assert.Equal(Math.Abs(sds), QuantileDistance.Of(live, Profile.Quantiles, Profile.Std), 3);
    }

    [Fact]
    public void Of_TheReferenceSpreadTwice_IsTheMeanAbsoluteQuantileDeviationOverLevelsOneToNinetyNine()
    {
        // Uniform on [0, 20] spread about 10 by 2: |ΔQ(t)| = |Q(t) - 10| = 20 |t - 0.5|, whose trapezoid mean over the
        // profile's levels 0.01..0.99 is computed here from the levels alone.
        float[] live = [.. Reference.Select(v => (float)(10 + (2 * (v - 10))))];
        double[] levels = [.. ReferenceProfile.QuantileLevels.Skip(1).SkipLast(1)];
        double sum = 0;
        for (int j = 1; j < levels.Length; j++)
        {
            sum += (levels[j] - levels[j - 1]) * ((20 * Math.Abs(levels[j] - 0.5)) + (20 * Math.Abs(levels[j - 1] - 0.5))) / 2;
        }

        double expected = sum / 0.98 / Profile.Std;
        Assert.Equal(expected, QuantileDistance.Of(live, Profile.Quantiles, Profile.Std), 3);
    }
}
