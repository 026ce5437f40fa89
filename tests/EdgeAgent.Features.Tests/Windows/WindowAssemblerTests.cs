using EdgeAgent.Features.Computation;
using EdgeAgent.Features.Quality;
using EdgeAgent.Features.Windows;
using EdgeAgent.TestKit;

namespace EdgeAgent.Features.Tests.Windows;

public class WindowAssemblerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new(Start);

    [Fact]
    public void TakeWindow_NoPadding_FirstAtFullWindowThenEveryHop()
    {
        WindowAssembler assembler = Assembler(window: 4, hop: 2, padding: "none");
        var windows = new double[4];
        var taken = new List<double[]>();

        for (int i = 1; i <= 9; i++)
        {
            assembler.PushRow([i]);
            if (assembler.IsWindowDue)
            {
                Assert.Equal(WindowStatus.Clean, assembler.TakeWindow(windows).Status);
                taken.Add([.. windows]);
            }
        }

        Assert.Equal([[1, 2, 3, 4], [3, 4, 5, 6], [5, 6, 7, 8]], taken);
        Assert.Equal(3, assembler.CleanWindows);
    }

    [Fact]
    public void TakeWindow_RepeatFirstPadding_FirstAfterOneHopPaddedWithFirstSample()
    {
        WindowAssembler assembler = Assembler(window: 4, hop: 1, padding: "repeat-first");
        var windows = new double[4];

        assembler.PushRow([7]);
        Assert.True(assembler.IsWindowDue);
        assembler.TakeWindow(windows);
        Assert.Equal([7, 7, 7, 7], windows);

        assembler.PushRow([8]);
        assembler.TakeWindow(windows);
        Assert.Equal([7, 7, 7, 8], windows);
    }

    [Fact]
    public void IsWindowDue_OneChannelBehind_WaitsForEveryChannel()
    {
        WindowAssembler assembler = Assembler(window: 2, hop: 2, padding: "none", channels: ["a", "b"]);
        var windows = new double[4];

        assembler.Push(0, 1);
        assembler.Push(0, 2);
        Assert.False(assembler.IsWindowDue);
        assembler.Push(1, 10);
        Assert.False(assembler.IsWindowDue);
        assembler.Push(1, 20);

        Assert.True(assembler.IsWindowDue);
        assembler.TakeWindow(windows);
        Assert.Equal([1, 2, 10, 20], windows);
    }

    [Fact]
    public void Push_WindowDueNotTaken_Throws()
    {
        WindowAssembler assembler = Assembler(window: 1, hop: 1, padding: "none");
        assembler.PushRow([1]);

        Assert.Throws<InvalidOperationException>(() => assembler.PushRow([2]));
        Assert.Throws<InvalidOperationException>(() => assembler.Push(0, 2));
    }

    [Fact]
    public void TakeWindow_NoneDue_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Assembler(window: 2, hop: 1, padding: "none").TakeWindow(new double[2]));
    }

    [Fact]
    public void TakeWindow_IsolatedNaN_InterpolatedAndFlagged()
    {
        WindowAssembler assembler = Assembler(window: 5, hop: 5, padding: "none");

        double[] windows = Feed(assembler, 1, 2, double.NaN, 6, 7);
        WindowQuality quality = assembler.TakeWindow(windows);

        Assert.Equal([1, 2, 4, 6, 7], windows);
        Assert.Equal(WindowStatus.Repaired, quality.Status);
        Assert.Equal(SampleFaults.NonFinite, quality.Faults);
        Assert.Equal(WindowRepairs.Interpolated, quality.Repairs);
        Assert.Equal(1, quality.RepairedSamples);
        Assert.Equal(SampleFaults.NonFinite, assembler.ChannelFaults(0));
        Assert.Equal(1, assembler.Monitor("x").Count(SampleFaults.NonFinite));
        Assert.Equal(1, assembler.RepairedWindows);
    }

    [Fact]
    public void TakeWindow_NaNAtNewestSample_HeldFromItsLeftNeighbour()
    {
        WindowAssembler assembler = Assembler(window: 3, hop: 3, padding: "none");

        double[] windows = Feed(assembler, 1, 2, double.NaN);
        WindowQuality quality = assembler.TakeWindow(windows);

        Assert.Equal([1, 2, 2], windows);
        Assert.Equal(WindowStatus.Repaired, quality.Status);
    }

    [Fact]
    public void TakeWindow_RunLongerThanInterpolationLimit_SkippedWithReason()
    {
        WindowAssembler assembler = Assembler(window: 5, hop: 5, padding: "none");

        double[] windows = Feed(assembler, 1, double.NaN, double.PositiveInfinity, 4, 5);
        WindowQuality quality = assembler.TakeWindow(windows);

        Assert.Equal(WindowStatus.Skipped, quality.Status);
        Assert.False(quality.IsUsable);
        Assert.Contains("channel 'x'", quality.SkipReason, StringComparison.Ordinal);
        Assert.Contains("interpolation limit of 1", quality.SkipReason, StringComparison.Ordinal);
        SkippedWindow skip = Assert.Single(assembler.RecentSkips);
        Assert.Equal(new SkippedWindow(1, "x", SampleFaults.NonFinite, quality.SkipReason!), skip);
        Assert.Equal(1, assembler.SkippedWindows);
    }

    [Fact]
    public void TakeWindow_RunWithinRaisedLimit_Interpolated()
    {
        WindowAssembler assembler = Assembler(window: 5, hop: 5, padding: "none", options: new SampleQualityOptions { MaxInterpolationRun = 2 });

        double[] windows = Feed(assembler, 1, double.NaN, double.NaN, 4, 5);
        WindowQuality quality = assembler.TakeWindow(windows);

        Assert.Equal([1, 2, 3, 4, 5], windows);
        Assert.Equal(2, quality.RepairedSamples);
    }

    [Fact]
    public void TakeWindow_HoldLastPolicy_HeldAndSaySo()
    {
        var options = new SampleQualityOptions { Policy = new RepairPolicy { NonFinite = RepairAction.HoldLast } };
        WindowAssembler assembler = Assembler(window: 4, hop: 4, padding: "none", options: options);

        double[] windows = Feed(assembler, 1, 3, double.NaN, double.NaN);
        WindowQuality quality = assembler.TakeWindow(windows);

        Assert.Equal([1, 3, 3, 3], windows);
        Assert.Equal(WindowRepairs.HeldLast, quality.Repairs);
        Assert.Equal(2, quality.RepairedSamples);
    }

    [Fact]
    public void TakeWindow_DropSamplePolicy_SampleLeftOutAndWindowSaysSo()
    {
        var options = new SampleQualityOptions { Policy = new RepairPolicy { NonFinite = RepairAction.DropSample } };
        WindowAssembler assembler = Assembler(window: 3, hop: 3, padding: "none", options: options);

        double[] windows = Feed(assembler, 1, double.NaN, 2, 3);
        WindowQuality quality = assembler.TakeWindow(windows);

        Assert.Equal([1, 2, 3], windows);
        Assert.Equal(WindowStatus.Repaired, quality.Status);
        Assert.Equal(WindowRepairs.Dropped, quality.Repairs);
        Assert.Equal(SampleFaults.NonFinite, quality.Faults);
        Assert.Equal(1, assembler.Monitor(0).DroppedSamples);
    }

    [Fact]
    public void TakeWindow_OutOfRangeUnderSkipPolicy_SkippedUntilTheSampleLeavesTheWindow()
    {
        WindowAssembler assembler = Assembler(window: 3, hop: 1, padding: "none", options: new SampleQualityOptions { Minimum = 0, Maximum = 10 });
        var windows = new double[3];
        var statuses = new List<WindowStatus>();

        foreach (double v in new double[] { 1, 2, 50, 3, 4, 5 })
        {
            assembler.PushRow([v]);
            if (assembler.IsWindowDue)
            {
                statuses.Add(assembler.TakeWindow(windows).Status);
            }
        }

        Assert.Equal([WindowStatus.Skipped, WindowStatus.Skipped, WindowStatus.Skipped, WindowStatus.Clean], statuses);
        Assert.All(assembler.RecentSkips, s => Assert.Contains("OutOfRange", s.Reason, StringComparison.Ordinal));
        Assert.Equal(1, assembler.Monitor(0).Count(SampleFaults.OutOfRange));
        Assert.Equal(4, assembler.Windows);
        Assert.Equal(assembler.Windows, assembler.CleanWindows + assembler.FlaggedWindows + assembler.RepairedWindows + assembler.SkippedWindows);
    }

    [Fact]
    public void TakeWindow_StuckUnderFlagPolicy_FedButFlagged()
    {
        WindowAssembler assembler = Assembler(window: 4, hop: 4, padding: "none", options: new SampleQualityOptions { StuckCount = 3 });

        double[] windows = Feed(assembler, 2, 2, 2, 2);
        WindowQuality quality = assembler.TakeWindow(windows);

        Assert.Equal(WindowStatus.Flagged, quality.Status);
        Assert.True(quality.IsUsable);
        Assert.Equal(SampleFaults.StuckAt, quality.Faults);
        Assert.Equal([2, 2, 2, 2], windows);
    }

    [Fact]
    public void TakeWindow_GapUnderSkipPolicy_SkipsOnlyWindowsThatSpanIt()
    {
        var options = new SampleQualityOptions
        {
            ExpectedPeriod = TimeSpan.FromSeconds(1),
            Policy = new RepairPolicy { Gap = RepairAction.SkipWindow },
        };
        WindowAssembler assembler = Assembler(window: 2, hop: 1, padding: "none", options: options);
        var windows = new double[2];
        var statuses = new List<WindowStatus>();

        foreach (double second in new double[] { 0, 1, 2, 10, 11 })
        {
            assembler.PushRow([second], Start.AddSeconds(second));
            if (assembler.IsWindowDue)
            {
                statuses.Add(assembler.TakeWindow(windows).Status);
            }
        }

        // Windows (0,1) (1,2) (2,10) (10,11): only the one across the gap is skipped.
        Assert.Equal([WindowStatus.Clean, WindowStatus.Clean, WindowStatus.Skipped, WindowStatus.Clean], statuses);
        Assert.Contains("Gap", Assert.Single(assembler.RecentSkips).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TakeWindow_OutOfOrderSample_DroppedAndWindowFlagged()
    {
        WindowAssembler assembler = Assembler(window: 3, hop: 3, padding: "none");
        var windows = new double[3];

        assembler.PushRow([1], Start.AddSeconds(1));
        assembler.PushRow([2], Start.AddSeconds(2));
        assembler.PushRow([9], Start.AddSeconds(1.5));
        assembler.PushRow([3], Start.AddSeconds(3));
        WindowQuality quality = assembler.TakeWindow(windows);

        Assert.Equal([1, 2, 3], windows);
        Assert.Equal(SampleFaults.OutOfOrder, quality.Faults);
        Assert.Equal(WindowRepairs.Dropped, quality.Repairs);
        Assert.Equal(1, assembler.Monitor(0).Count(SampleFaults.OutOfOrder));
    }

    [Fact]
    public void TakeWindow_ClockJump_WindowFlagged()
    {
        WindowAssembler assembler = Assembler(window: 2, hop: 2, padding: "none");
        var windows = new double[2];

        assembler.PushRow([1]);
        _time.JumpWallClock(TimeSpan.FromMinutes(10));
        assembler.PushRow([2]);
        WindowQuality quality = assembler.TakeWindow(windows);

        Assert.Equal(WindowStatus.Flagged, quality.Status);
        Assert.Equal(SampleFaults.ClockJump, quality.Faults);
        Assert.Equal(1, assembler.Monitor(0).Count(SampleFaults.ClockJump));
    }

    [Fact]
    public void TakeWindow_FaultInOneChannel_CarriedPerChannel()
    {
        WindowAssembler assembler = Assembler(window: 3, hop: 3, padding: "none", channels: ["a", "b"]);
        var windows = new double[6];

        assembler.PushRow([1, 10]);
        assembler.PushRow([double.NaN, 20]);
        assembler.PushRow([3, 30]);
        WindowQuality quality = assembler.TakeWindow(windows);

        Assert.Equal([1, 2, 3, 10, 20, 30], windows);
        Assert.Equal(SampleFaults.NonFinite, assembler.ChannelFaults(0));
        Assert.Equal(SampleFaults.None, assembler.ChannelFaults(1));
        Assert.Equal(1, quality.Sequence);
    }

    [Fact]
    public void Constructor_OptionsForUnknownChannel_Throws()
    {
        var plan = FeaturePlan.Create(Specs.Channels(2, 1, "none", "a"));

        Assert.Throws<ArgumentException>(() => new WindowAssembler(plan, new Dictionary<string, SampleQualityOptions> { ["b"] = new() }, _time));
    }

    private WindowAssembler Assembler(int window, int hop, string padding, string[]? channels = null, SampleQualityOptions? options = null)
    {
        channels ??= ["x"];
        var plan = FeaturePlan.Create(Specs.Channels(window, hop, padding, channels));
        Dictionary<string, SampleQualityOptions>? quality = options is null ? null : channels.ToDictionary(c => c, _ => options);
        return new WindowAssembler(plan, quality, _time);
    }

    private static double[] Feed(WindowAssembler assembler, params double[] values)
    {
        foreach (double v in values)
        {
            assembler.PushRow([v]);
        }

        Assert.True(assembler.IsWindowDue);
        return new double[assembler.Plan.WindowsLength];
    }
}
