using EdgeAgent.Features.Quality;
using EdgeAgent.TestKit;

namespace EdgeAgent.Features.Tests.Quality;

public class SampleQualityMonitorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new(Start);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Observe_NonFinite_CountedAndMarkedForInterpolation(double value)
    {
        SampleQualityMonitor monitor = Monitor(SampleQualityOptions.Default);
        monitor.Observe(1);

        SampleVerdict verdict = monitor.Observe(value);

        Assert.Equal(SampleFaults.NonFinite, verdict.Faults);
        Assert.Equal(RepairAction.Interpolate, verdict.Action);
        Assert.Equal(1, monitor.Count(SampleFaults.NonFinite));
        Assert.Equal(1, monitor.FaultySamples);
        Assert.Equal(2, monitor.Samples);
    }

    [Fact]
    public void Observe_OutsideMinMax_CountedAsOutOfRange()
    {
        SampleQualityMonitor monitor = Monitor(new SampleQualityOptions { Minimum = 0, Maximum = 10 });

        Assert.True(monitor.Observe(0).IsClean);
        Assert.True(monitor.Observe(10).IsClean);
        Assert.Equal(SampleFaults.OutOfRange, monitor.Observe(10.5).Faults);
        Assert.Equal(RepairAction.SkipWindow, monitor.Observe(-1).Action);
        Assert.Equal(2, monitor.Count(SampleFaults.OutOfRange));
    }

    [Fact]
    public void Observe_StuckRun_FlagsFromTheNthIdenticalSample()
    {
        SampleQualityMonitor monitor = Monitor(new SampleQualityOptions { StuckCount = 3 });

        SampleFaults[] faults = [.. new double[] { 5, 5, 5, 5, 6, 6 }.Select(v => monitor.Observe(v).Faults)];

        Assert.Equal([SampleFaults.None, SampleFaults.None, SampleFaults.StuckAt, SampleFaults.StuckAt, SampleFaults.None, SampleFaults.None], faults);
        Assert.Equal(2, monitor.Count(SampleFaults.StuckAt));
        Assert.Equal(RepairAction.Flag, new SampleQualityOptions().Policy.StuckAt);
    }

    [Fact]
    public void Observe_StepLongerThanGapFactorPeriods_CountedAsGap()
    {
        SampleQualityMonitor monitor = Monitor(new SampleQualityOptions { ExpectedPeriod = TimeSpan.FromSeconds(1), GapFactor = 2 });

        Assert.True(monitor.Observe(1, Start).IsClean);
        Assert.True(monitor.Observe(1, Start.AddSeconds(2)).IsClean);
        SampleVerdict gap = monitor.Observe(1, Start.AddSeconds(4.5));

        Assert.Equal(SampleFaults.Gap, gap.Faults);
        Assert.Equal(RepairAction.Flag, gap.Action);
        Assert.Equal(1, monitor.Count(SampleFaults.Gap));
    }

    [Fact]
    public void Observe_TimestampNotAfterPrevious_OutOfOrderAndDroppedByDefault()
    {
        SampleQualityMonitor monitor = Monitor(SampleQualityOptions.Default);
        monitor.Observe(1, Start.AddSeconds(10));

        SampleVerdict earlier = monitor.Observe(2, Start.AddSeconds(5));
        SampleVerdict same = monitor.Observe(2, Start.AddSeconds(10));
        SampleVerdict later = monitor.Observe(3, Start.AddSeconds(11));

        Assert.Equal(SampleFaults.OutOfOrder, earlier.Faults);
        Assert.Equal(RepairAction.DropSample, earlier.Action);
        Assert.Equal(SampleFaults.OutOfOrder, same.Faults);
        Assert.True(later.IsClean);
        Assert.Equal(2, monitor.Count(SampleFaults.OutOfOrder));
        Assert.Equal(2, monitor.DroppedSamples);
    }

    [Fact]
    public void Observe_WallClockJumps_CountedAsClockJump()
    {
        SampleQualityMonitor monitor = Monitor(SampleQualityOptions.Default);
        monitor.Observe(1);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(monitor.Observe(1).IsClean);

        _time.JumpWallClock(TimeSpan.FromMinutes(-5));
        SampleVerdict jumped = monitor.Observe(1);
        _time.Advance(TimeSpan.FromSeconds(1));
        SampleVerdict after = monitor.Observe(1);

        Assert.Equal(SampleFaults.ClockJump, jumped.Faults);
        Assert.True(after.IsClean);
        Assert.Equal(1, monitor.Count(SampleFaults.ClockJump));
    }

    [Fact]
    public void Observe_DriftWithinTolerance_NotAClockJump()
    {
        SampleQualityMonitor monitor = Monitor(new SampleQualityOptions { ClockJumpTolerance = TimeSpan.FromMilliseconds(500) });
        monitor.Observe(1);

        _time.JumpWallClock(TimeSpan.FromMilliseconds(400));

        Assert.True(monitor.Observe(1).IsClean);
    }

    [Fact]
    public void Observe_ClockJumpWithWallClockTimestamps_NoGapOrOutOfOrderCounted()
    {
        SampleQualityMonitor monitor = Monitor(new SampleQualityOptions { ExpectedPeriod = TimeSpan.FromSeconds(1) });
        monitor.Observe(1, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(1));
        monitor.Observe(1, _time.GetUtcNow());

        _time.JumpWallClock(TimeSpan.FromHours(-1));
        SampleVerdict jumped = monitor.Observe(1, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(1));
        SampleVerdict next = monitor.Observe(1, _time.GetUtcNow());

        Assert.Equal(SampleFaults.ClockJump, jumped.Faults);
        Assert.True(next.IsClean);
        Assert.Equal(0, monitor.Count(SampleFaults.OutOfOrder));
        Assert.Equal(0, monitor.Count(SampleFaults.Gap));
    }

    [Fact]
    public void Observe_HoldLastPolicy_ReplacesWithLastGoodValue()
    {
        SampleQualityMonitor monitor = Monitor(new SampleQualityOptions
        {
            Maximum = 100,
            Policy = new RepairPolicy { NonFinite = RepairAction.HoldLast, OutOfRange = RepairAction.HoldLast },
        });
        monitor.Observe(7);

        SampleVerdict nan = monitor.Observe(double.NaN);
        SampleVerdict high = monitor.Observe(1000);

        Assert.Equal(new SampleVerdict(7, SampleFaults.NonFinite, RepairAction.HoldLast), nan);
        Assert.Equal(new SampleVerdict(7, SampleFaults.OutOfRange, RepairAction.HoldLast), high);
        Assert.Equal(2, monitor.HeldSamples);
    }

    [Fact]
    public void Observe_HoldLastWithNothingToHold_FallsBackToInterpolation()
    {
        SampleQualityMonitor monitor = Monitor(new SampleQualityOptions { Policy = new RepairPolicy { NonFinite = RepairAction.HoldLast } });

        SampleVerdict first = monitor.Observe(double.NaN);

        Assert.Equal(RepairAction.Interpolate, first.Action);
        Assert.Equal(0, monitor.HeldSamples);
    }

    [Fact]
    public void Observe_SeveralFaults_MostSevereActionWins()
    {
        SampleQualityMonitor monitor = Monitor(new SampleQualityOptions { Maximum = 1, StuckCount = 2 });
        monitor.Observe(5);

        SampleVerdict verdict = monitor.Observe(5);

        Assert.Equal(SampleFaults.OutOfRange | SampleFaults.StuckAt, verdict.Faults);
        Assert.Equal(RepairAction.SkipWindow, verdict.Action);
        Assert.Equal(1, monitor.Count(SampleFaults.StuckAt));
        Assert.Equal(2, monitor.Count(SampleFaults.OutOfRange));
    }

    [Fact]
    public void Constructor_FlagPolicyForNonFinite_ThrowsNamingChannel()
    {
        var options = new SampleQualityOptions { Policy = new RepairPolicy { NonFinite = RepairAction.Flag } };

        var ex = Assert.Throws<ArgumentException>(() => new SampleQualityMonitor("temp", options, _time));

        Assert.Contains("'temp'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 2.0, 1)]
    [InlineData(3, 1.0, 1)]
    [InlineData(3, 2.0, 0)]
    public void Constructor_OptionOutOfRange_Throws(int stuck, double gapFactor, int maxRun)
    {
        var options = new SampleQualityOptions { StuckCount = stuck, GapFactor = gapFactor, MaxInterpolationRun = maxRun };

        Assert.Throws<ArgumentException>(() => new SampleQualityMonitor("c", options, _time));
    }

    [Fact]
    public void Count_SeveralKindsAtOnce_Throws()
    {
        SampleQualityMonitor monitor = Monitor(SampleQualityOptions.Default);

        Assert.Throws<ArgumentOutOfRangeException>(() => monitor.Count(SampleFaults.Gap | SampleFaults.StuckAt));
    }

    private SampleQualityMonitor Monitor(SampleQualityOptions options) => new("c", options, _time);
}
