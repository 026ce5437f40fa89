using EdgeAgent.Drift.Statistics;
using EdgeAgent.Packaging;

namespace EdgeAgent.Drift.Tests.Statistics;

public sealed class MergedBinsTests
{
    // Ten bins over [0, 10]: sparse tails, a full middle.
    private static readonly ValueProfile Profile = new(
        "x", 1000, 5, 1, [.. Enumerable.Repeat(5.0, 11)], [.. Enumerable.Range(0, 11).Select(i => (double)i)], [1, 2, 7, 90, 400, 400, 90, 6, 3, 1]);

    [Fact]
    public void Of_SparseBins_MergeUntilEachHoldsTheMinimumShare()
    {
        var bins = MergedBins.Of(Profile, 0.05);

        // [1+2+7+90] [400] [400] [90] [6+3+1 is short, so it joins the 90].
        Assert.Equal([0.1, 0.4, 0.4, 0.1], bins.Probability.ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Theory]
    [InlineData(-50.0, 0)]
    [InlineData(0.5, 0)]
    [InlineData(3.99, 0)]
    [InlineData(4.0, 1)]
    [InlineData(5.5, 2)]
    [InlineData(6.5, 3)]
    [InlineData(9.99, 3)]
    [InlineData(1e9, 3)]
    public void IndexOf_ValuesInAndBeyondTheRange_LandInTheirMergedBinOrTheOuterOnes(double value, int expected)
    {
        Assert.Equal(expected, MergedBins.Of(Profile, 0.05).IndexOf(value));
    }

    [Fact]
    public void Psi_LiveSharesMatchTheReference_IsZero()
    {
        var bins = MergedBins.Of(Profile, 0.05);

        Assert.Equal(0, bins.Psi([10, 40, 40, 10], 100), 12);
    }

    [Fact]
    public void Psi_EmptyLiveBin_CountsItAsHalfAValue()
    {
        var bins = MergedBins.Of(Profile, 0.05);

        // p = 0.5/100, 0.5, 0.4, 0.1 against q = 0.1, 0.4, 0.4, 0.1.
        double expected = ((0.005 - 0.1) * Math.Log(0.005 / 0.1)) + ((0.5 - 0.4) * Math.Log(0.5 / 0.4));
        Assert.Equal(expected, bins.Psi([0, 50, 40, 10], 100), 12);
    }
}
