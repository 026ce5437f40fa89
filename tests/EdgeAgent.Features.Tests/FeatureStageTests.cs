using EdgeAgent.Features.Computation;
using EdgeAgent.Features.Quality;
using EdgeAgent.Features.Windows;
using EdgeAgent.Packaging;
using EdgeAgent.TestKit;

namespace EdgeAgent.Features.Tests;

public class FeatureStageTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void TryPushRow_CleanRows_FeaturesOncePerHop()
    {
        var stage = new FeatureStage(FeaturePlan.Create(Specs.One("x", 4, 2, "mean", "max")), time: _time);
        var features = new float[2];
        var produced = new List<float[]>();

        for (int i = 1; i <= 8; i++)
        {
            if (stage.TryPushRow([i], null, features, out WindowQuality quality))
            {
                Assert.Equal(WindowStatus.Clean, quality.Status);
                produced.Add([.. features]);
            }
            else
            {
                Assert.Equal(WindowStatus.None, quality.Status);
            }
        }

        Assert.Equal([[2.5f, 4f], [4.5f, 6f], [6.5f, 8f]], produced);
    }

    [Fact]
    public void TryPushRow_SkippedWindow_ReturnsFalseWithReasonAndLeavesFeaturesAlone()
    {
        var quality = new Dictionary<string, SampleQualityOptions> { ["x"] = new() { Maximum = 100 } };
        var stage = new FeatureStage(FeaturePlan.Create(Specs.One("x", 2, 2, "mean")), quality, _time);
        float[] features = [-1f];

        stage.TryPushRow([1], null, features, out _);
        bool fed = stage.TryPushRow([1000], null, features, out WindowQuality window);

        Assert.False(fed);
        Assert.Equal(WindowStatus.Skipped, window.Status);
        Assert.NotNull(window.SkipReason);
        Assert.Equal([-1f], features);
    }

    [Fact]
    public void TryPushRow_SteadyState_AllocatesNothing()
    {
        FeatureSpec spec = new()
        {
            Window = 64,
            Hop = 4,
            Channels =
            [
                new ChannelFeatures("vib", "g", ["rms", "kurtosis", "crest", "band_energy:0-100", "band_energy:100-500"]),
                new ChannelFeatures("temp", "C", ["mean", "slope", "ewma:0.2"]),
            ],
            Derived = [new DerivedFeature("d", "difference", "vib", "temp", 1, "u")],
        };
        var plan = FeaturePlan.Create(spec, new Dictionary<string, double> { ["vib"] = 1000 });
        var options = new Dictionary<string, SampleQualityOptions>
        {
            ["vib"] = new() { Minimum = -100, Maximum = 100, ExpectedPeriod = TimeSpan.FromMilliseconds(1), StuckCount = 10 },
        };
        var stage = new FeatureStage(plan, options, _time);
        var features = new float[plan.Width];
        var row = new double[2];
        DateTimeOffset at = _time.GetUtcNow();
        int fed = 0;
        void Run(int rows, int offset)
        {
            for (int i = 0; i < rows; i++)
            {
                int n = offset + i;
                row[0] = Math.Sin(n * 0.3) + (n % 7 == 3 ? double.NaN : 0);
                row[1] = 20 + (n * 0.01);
                if (stage.TryPushRow(row, at.AddMilliseconds(n), features, out _))
                {
                    fed++;
                }
            }
        }

        Run(400, 0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(4000, 400);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(fed > 1000);
        Assert.Equal(stage.Assembler.Windows, stage.Assembler.RepairedWindows);
    }
}
