namespace EdgeAgent.LocalPage.Tests;

public sealed class TrendWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 34, 56, 789, TimeSpan.Zero);

    [Theory]
    [InlineData(6)]
    [InlineData(1)]
    [InlineData(0.05)]
    [InlineData(720)]
    public void TrendWindow_AnyHours_CoversThemWithEqualBucketsEndingJustAfterNow(double hours)
    {
        (DateTimeOffset from, DateTimeOffset to, long width) = PageEndpoints.TrendWindow(hours, Now);

        Assert.True(to > Now);
        Assert.True(to - Now <= TimeSpan.FromMilliseconds(width));
        Assert.True(Now - from >= TimeSpan.FromHours(hours));
        Assert.Equal(PageEndpoints.TrendBuckets * width, (to - from).TotalMilliseconds);
    }

    [Fact]
    public void TrendWindow_SixHours_73SecondBucketsOnWholeMultiples()
    {
        (DateTimeOffset from, DateTimeOffset to, long width) = PageEndpoints.TrendWindow(6, Now);

        Assert.Equal(73_000, width);
        Assert.Equal(0, from.ToUnixTimeMilliseconds() % width);
        Assert.Equal(0, to.ToUnixTimeMilliseconds() % width);
    }

    [Fact]
    public void TrendWindow_FewSecondsLater_SameBuckets()
    {
        (DateTimeOffset from, _, long width) = PageEndpoints.TrendWindow(6, Now);
        DateTimeOffset within = DateTimeOffset.FromUnixTimeMilliseconds(from.ToUnixTimeMilliseconds() + (PageEndpoints.TrendBuckets * width) - 1);
        DateTimeOffset start = within.AddMilliseconds(-(width - 1));

        Assert.Equal(PageEndpoints.TrendWindow(6, start).From, PageEndpoints.TrendWindow(6, within).From);
    }
}
