using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.Mqtt.Tests.Client;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    [Fact]
    public void Next_RepeatedFailures_DoublesItsRangeUntilTheMaximum()
    {
        var backoff = new ReconnectBackoff(Min, Max, new Random(42));
        double[] expectedCeilings = [2, 4, 8, 16, 32, 60, 60, 60];
        foreach (double ceiling in expectedCeilings)
        {
            TimeSpan next = backoff.Next();
            Assert.InRange(next.TotalSeconds, ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void Next_ManyFailures_StaysBetweenMinAndMax()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(15), new Random(1));
        for (int i = 0; i < 1000; i++)
        {
            Assert.InRange(backoff.Next(), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(15));
        }
    }

    [Fact]
    public void Next_TwoDevicesWithDifferentSeeds_DoNotRetryInStep()
    {
        var a = new ReconnectBackoff(Min, Max, new Random(1));
        var b = new ReconnectBackoff(Min, Max, new Random(2));
        int same = Enumerable.Range(0, 20).Count(_ => a.Next() == b.Next());
        Assert.True(same == 0, $"{same} of 20 delays were identical");
    }

    [Fact]
    public void Reset_AfterGrowth_StartsAgainAtTheFirstRange()
    {
        var backoff = new ReconnectBackoff(Min, Max, new Random(3));
        for (int i = 0; i < 30; i++)
        {
            backoff.Next();
        }

        backoff.Reset();
        Assert.InRange(backoff.Next(), Min, Min * 2);
    }
}
