using EdgeAgent.Drift.Calibration;
using EdgeAgent.Drift.Monitoring;
using EdgeAgent.Drift.Tests.Support;
using EdgeAgent.TestKit;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Drift.Tests.Monitoring;

public sealed class DriftMonitorTests
{
    /// <summary>
    /// Past the change, a batch of 200 holds only shifted windows after 200 more, and a verdict comes at most 50 windows
    /// later: a one-sigma step must be named by then (its PSI is then about 1 and its distance 1 sd, several times any
    /// threshold).
    /// </summary>
    private const int FeatureDelayBound = 250;

    [Fact]
    public void Observe_InControlStream_NoDriftOverTwentyThousandWindows()
    {
        var harness = new MonitorHarness();

        List<DriftVerdict> verdicts = harness.Feed(new SyntheticStream(seed: 101), 20_000);

        Assert.Equal(400, verdicts.Count);
        Assert.Equal(3, verdicts.Count(v => v.State == DriftState.InsufficientData));
        Assert.All(verdicts.Skip(3), v => Assert.Equal(DriftState.NoDrift, v.State));
        Assert.Empty(harness.Logged(8001));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Observe_OneSigmaMeanShiftInOneFeature_NamesExactlyThatFeatureWithinTheBound(int feature)
    {
        var harness = new MonitorHarness();
        var stream = new SyntheticStream(seed: 200 + feature) { ChangeAt = 1001, ShiftedFeature = feature, ShiftSds = 1 };
        harness.Feed(stream, 1000);

        (DriftVerdict? verdict, int window) = harness.FeedUntil(stream, v => v.DriftedFeatures.Count > 0, 1000);

        Assert.NotNull(verdict);
        Assert.Equal([SyntheticStream.Names[feature]], verdict.DriftedFeatures);
        Assert.InRange(window - 1000, 1, FeatureDelayBound);
    }

    [Fact]
    public void Observe_VarianceDoubles_IsFlagged()
    {
        var harness = new MonitorHarness();
        var stream = new SyntheticStream(seed: 300) { ChangeAt = 1001, ScaledFeature = 0, Scale = 2 };
        harness.Feed(stream, 1000);

        (DriftVerdict? verdict, int window) = harness.FeedUntil(stream, v => v.DriftedFeatures.Count > 0, 1000);

        Assert.NotNull(verdict);
        Assert.Equal("pump.rms", verdict.DriftedFeatures[0]);
        Assert.InRange(window - 1000, 1, FeatureDelayBound);
    }

    [Fact]
    public void Observe_StepOfOneSdInTheOutput_IsFlaggedByPageHinkleyAtOnce()
    {
        var harness = new MonitorHarness();
        var stream = new SyntheticStream(seed: 400) { ChangeAt = 1001, OutputOffset = (float)harness.Reference.Outputs[0].Std };
        harness.Feed(stream, 1000);

        (DriftVerdict? verdict, int window) = harness.FeedUntil(stream, v => v.State == DriftState.Drift, 1000);

        // The verdict comes with the alarm, not at the next multiple of 50; the features are unchanged.
        Assert.NotNull(verdict);
        Assert.True(verdict.OutputChangeDetected);
        Assert.True(verdict.Outputs[0].ChangeDetected);
        Assert.True(verdict.Outputs[0].Increase > verdict.Outputs[0].IncreaseLimit);
        Assert.Empty(verdict.DriftedFeatures);
        Assert.InRange(window - 1000, 1, 100);
        LogEntry entry = Assert.Single(harness.Logged(8004));
        Assert.StartsWith("Output score rose: Page-Hinkley statistic", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_OutputStaysMovedForManyVerdicts_ItsChangeIsLoggedOncePerEpisode()
    {
        var harness = new MonitorHarness();
        var stream = new SyntheticStream(seed: 401) { ChangeAt = 1001, OutputOffset = 2 * (float)harness.Reference.Outputs[0].Std };
        harness.Feed(stream, 1000);

        List<DriftVerdict> verdicts = harness.Feed(stream, 1000);

        Assert.True(verdicts.Count(v => v.State == DriftState.Drift) >= 10);
        LogEntry entry = Assert.Single(harness.Logged(8004));
        Assert.Matches(@"statistic \d+(\.\d{1,2})? passed its limit \d+(\.\d{1,2})? ", entry.Message);
    }

    [Fact]
    public void Observe_StationaryOutput_PageHinkleyStaysQuiet()
    {
        var harness = new MonitorHarness();

        List<DriftVerdict> verdicts = harness.Feed(new SyntheticStream(seed: 500), 20_000);

        Assert.DoesNotContain(verdicts, v => v.OutputChangeDetected);
        Assert.All(verdicts.Skip(3), v => Assert.True(v.Outputs[0].Monitored));
    }

    [Fact]
    public void Observe_NaNsInOneFeature_AreCountedSkippedAndLoggedHourly()
    {
        var harness = new MonitorHarness();
        int fed = 0, nans = 0;

        List<DriftVerdict> verdicts = harness.Feed(new SyntheticStream(seed: 600), 5_000, features =>
        {
            if (++fed % 3 == 0)
            {
                features[1] = float.NaN;
                nans++;
            }
        });

        DriftVerdict last = verdicts[^1];
        Assert.Equal(DriftState.NoDrift, last.State);
        Assert.Equal(nans, last.NonFiniteValues);
        Assert.Equal(nans, last.Features[1].NonFiniteValues);
        Assert.True(last.Features[1].Judged);

        // 5,000 windows a second apart: logged at the first NaN and again an hour later.
        LogEntry[] entries = [.. harness.Logged(8005)];
        Assert.Equal(2, entries.Length);
        Assert.Equal(LogLevel.Warning, entries[0].Level);
        Assert.Equal("Drift monitor: 1 non-finite value(s) skipped so far (latest in pump.crest); they are left out of the batches", entries[0].Message);
        Assert.StartsWith("Drift monitor: 1201 non-finite value(s)", entries[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_FeatureAlwaysNaN_IsNotJudgedAndTheOthersAre()
    {
        var harness = new MonitorHarness();

        List<DriftVerdict> verdicts = harness.Feed(new SyntheticStream(seed: 700), 1_000, features => features[0] = float.NaN);

        DriftVerdict last = verdicts[^1];
        Assert.Equal(DriftState.NoDrift, last.State);
        Assert.False(last.Features[0].Judged);
        Assert.Equal(0, last.Features[0].Score);
        Assert.True(last.Features[1].Judged);
    }

    [Fact]
    public void Observe_InfiniteOutput_IsSkippedWithoutAnAlarm()
    {
        var harness = new MonitorHarness();
        var stream = new SyntheticStream(seed: 750) { ChangeAt = 500, OutputOffset = float.PositiveInfinity };

        List<DriftVerdict> verdicts = harness.Feed(stream, 1_000);

        Assert.DoesNotContain(verdicts, v => v.OutputChangeDetected);
        Assert.Equal(501, verdicts[^1].Outputs[0].NonFiniteValues);
    }

    [Fact]
    public void Observe_ConstantFeatureStaysPut_NeverDrifts()
    {
        var harness = new MonitorHarness();

        List<DriftVerdict> verdicts = harness.Feed(new SyntheticStream(seed: 800), 2_000);

        Assert.All(verdicts.Skip(3), v => Assert.Equal((FeatureKind.Constant, true, 0.0), (v.Features[3].Kind, v.Features[3].Judged, v.Features[3].Distance)));
    }

    [Fact]
    public void Observe_ConstantFeatureMoves_IsNamedOnceMostOfTheBatchHasMoved()
    {
        var harness = new MonitorHarness();
        var stream = new SyntheticStream(seed: 900) { ChangeAt = 1001, ConstantAfter = 3.5f };
        harness.Feed(stream, 1000);

        (DriftVerdict? verdict, int window) = harness.FeedUntil(stream, v => v.State == DriftState.Drift, 1000);

        Assert.NotNull(verdict);
        Assert.Equal(["setpoint.last"], verdict.DriftedFeatures);
        Assert.InRange(window - 1000, 101, 150);
    }

    [Fact]
    public void Observe_BeforeMinimumWindows_GivesInsufficientDataEveryFiftyWindows()
    {
        var harness = new MonitorHarness(new DriftOptions { MinimumWindows = 400 });

        List<DriftVerdict> verdicts = harness.Feed(new SyntheticStream(seed: 1000), 450);

        Assert.Equal([50, 100, 150, 200, 250, 300, 350, 400, 450], verdicts.Select(v => v.WindowsSeen));
        Assert.All(verdicts.Take(7), v => Assert.Equal(DriftState.InsufficientData, v.State));
        Assert.All(verdicts.Take(7), v => Assert.DoesNotContain(v.Features, f => f.Judged));
        Assert.Equal(DriftState.NoDrift, verdicts[7].State);
        Assert.Equal(harness.Time.GetUtcNow(), verdicts[^1].Time);
        Assert.Same(verdicts[^1], harness.Monitor.Latest);
    }

    [Fact]
    public void Observe_BetweenVerdicts_AllocatesNothing()
    {
        var harness = new MonitorHarness();
        var stream = new SyntheticStream(seed: 1100);
        harness.Feed(stream, 250);
        var features = new float[SyntheticStream.Width];
        var outputs = new float[1];
        var windows = new (float[] Features, float Output)[49];
        for (int i = 0; i < windows.Length; i++)
        {
            stream.Next(features, outputs);
            windows[i] = ([.. features], outputs[0]);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach ((float[] f, float o) in windows)
        {
            outputs[0] = o;
            Assert.Null(harness.Monitor.Observe(f, outputs));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Observe_WrongNumberOfValues_Throws()
    {
        var harness = new MonitorHarness();

        var features = Assert.Throws<ArgumentException>(() => harness.Monitor.Observe(new float[3]));
        var outputs = Assert.Throws<ArgumentException>(() => harness.Monitor.Observe(new float[4], new float[2]));

        Assert.Equal("The window has 3 feature values; the model has 4. (Parameter 'features')", features.Message);
        Assert.StartsWith("The window has 2 output values; the profile has 1", outputs.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_WithoutOutputs_JudgesTheFeaturesAlone()
    {
        var harness = new MonitorHarness();
        var features = new float[SyntheticStream.Width];
        var stream = new SyntheticStream(seed: 1200);
        DriftVerdict? last = null;
        for (int i = 0; i < 400; i++)
        {
            stream.Next(features, []);
            last = harness.Monitor.Observe(features) ?? last;
        }

        Assert.NotNull(last);
        Assert.Equal(DriftState.NoDrift, last.State);
        Assert.Equal(0, last.Outputs[0].Increase);
    }

    [Fact]
    public void Observe_DriftThatPersistsThenClears_LogsDetectedPersistsAndCleared()
    {
        var harness = new MonitorHarness();
        var stream = new SyntheticStream(seed: 1300) { ChangeAt = 1001, ConstantAfter = 4 };
        harness.Feed(stream, 1300);
        LogEntry detected = Assert.Single(harness.Logged(8001));
        Assert.Equal(LogLevel.Warning, detected.Level);
        Assert.Equal("Drift detected in setpoint.last: setpoint.last 75% of values away from its constant (limit 50%) (window 1150)", detected.Message);

        // An hour of drift (one window a second) logs it again once; then the stream comes back.
        harness.Feed(stream, 3600);
        LogEntry persists = Assert.Single(harness.Logged(8002));
        Assert.StartsWith("Drift persists in setpoint.last", persists.Message, StringComparison.Ordinal);
        harness.Feed(new SyntheticStream(seed: 1301), 400);

        LogEntry cleared = Assert.Single(harness.Logged(8003));
        Assert.StartsWith("Drift cleared after ", cleared.Message, StringComparison.Ordinal);
        Assert.Equal(DriftState.NoDrift, harness.Verdicts[^1].State);
    }

    [Fact]
    public void Constructor_LogsWhatIsJudged()
    {
        var harness = new MonitorHarness();

        LogEntry ready = Assert.Single(harness.Logged(8000));
        Assert.StartsWith("Drift monitor: 3 feature(s) judged by PSI and quantile distance, 1 constant feature(s)", ready.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reset_ForgetsEverything()
    {
        var harness = new MonitorHarness();
        harness.Feed(new SyntheticStream(seed: 1400), 300);

        harness.Monitor.Reset();

        Assert.Equal(0, harness.Monitor.WindowsSeen);
        Assert.Null(harness.Monitor.Latest);
        List<DriftVerdict> verdicts = harness.Feed(new SyntheticStream(seed: 1401), 100);
        Assert.All(verdicts, v => Assert.Equal(DriftState.InsufficientData, v.State));
    }
}
