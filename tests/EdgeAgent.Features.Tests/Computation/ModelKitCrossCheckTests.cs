using EdgeAgent.Features.Computation;
using EdgeAgent.Features.Windows;
using EdgeAgent.ModelKit.Data;
using EdgeAgent.ModelKit.Packaging;
using EdgeAgent.ModelKit.Training.Features;
using EdgeAgent.ModelKit.Training.Rul;
using EdgeAgent.Packaging;
using EdgeAgent.TestKit;
using TrainingDerived = EdgeAgent.ModelKit.Training.Anomaly.DerivedFeature;

namespace EdgeAgent.Features.Tests.Computation;

/// <summary>A trained model must see in service what it saw in training: the agent's values against the model kit's on C-MAPSS FD001.</summary>
public class ModelKitCrossCheckTests
{
    private static readonly Lazy<IReadOnlyList<CmapssEngine>> Engines = new(() =>
        CmapssEngine.Split(DelimitedReader.ReadCmapss(SharedAssets.Data("cmapss_fd001", "train_FD001.txt"))));

    private static readonly string[] Sensors = ["s1", "s2", "s3", "s4", "s7", "s8", "s9", "s11", "s12", "s13", "s14", "s15", "s17", "s20", "s21"];

    private static readonly string[] KitKinds = ["mean", "std", "min", "max", "last", "value", "slope", "ewma:0.1", "ewma:0.3", "recent_mean:5"];

    [Theory]
    [InlineData(30, 1, "repeat-first")]
    [InlineData(30, 10, "none")]
    [InlineData(5, 3, "repeat-first")]
    public void Compute_Fd001Windows_EqualModelKitExtractor(int window, int hop, string padding)
    {
        FeatureSpec spec = new()
        {
            Window = window,
            Hop = hop,
            StepUnit = "cycles",
            Padding = padding,
            Channels = [.. Sensors.Select(s => new ChannelFeatures(s, "u", KitKinds))],
        };

        // The kit pads only by repeating the first sample; for full windows padding makes no difference.
        WindowFeatureSpec kit = FeatureSpecMapper.ToWindows(spec with { Padding = "repeat-first" });
        var plan = FeaturePlan.Create(spec);
        var features = new float[plan.Width];
        int compared = 0;
        double worst = 0;
        foreach (CmapssEngine engine in Engines.Value.Take(25))
        {
            var stage = new FeatureStage(plan, time: new ManualTimeProvider());
            var row = new double[Sensors.Length];
            for (int t = 0; t < engine.Cycles; t++)
            {
                for (int c = 0; c < Sensors.Length; c++)
                {
                    row[c] = engine.Channels[Sensors[c]][t];
                }

                if (stage.TryPushRow(row, null, features, out WindowQuality quality))
                {
                    Assert.Equal(WindowStatus.Clean, quality.Status);
                    float[] expected = WindowFeatureExtractor.Compute(kit, engine.Channels, t);
                    for (int i = 0; i < expected.Length; i++)
                    {
                        double error = Math.Abs(expected[i] - features[i]) / Math.Max(Math.Abs(expected[i]), 1e-3);
                        worst = Math.Max(worst, error);
                        Assert.True(error <= 1e-5, $"engine {engine.Unit} cycle {t + 1} {plan.ValueNames[i]}: kit {expected[i]}, agent {features[i]}");
                    }

                    compared++;
                }
            }

            Assert.Equal(padding == "none" ? Math.Max(0, ((engine.Cycles - window) / hop) + 1) : engine.Cycles / hop, stage.Assembler.Windows);
        }

        Assert.True(compared > 400, $"only {compared} windows compared");
        Assert.Equal(0, worst);
    }

    [Fact]
    public void Compute_DerivedValues_EqualModelKitDerivedFeature()
    {
        FeatureSpec spec = new()
        {
            Window = 1,
            Hop = 1,
            StepUnit = "rows",
            Channels = [new ChannelFeatures("s2", "u", ["value"]), new ChannelFeatures("s7", "u", []), new ChannelFeatures("s12", "u", [])],
            Derived =
            [
                new DerivedFeature("power", "product", "s7", "s12", 2 * Math.PI / 60, "W"),
                new DerivedFeature("spread", "difference", "s2", "s7", 1, "u"),
            ],
        };
        IReadOnlyList<TrainingDerived> kit = FeatureSpecMapper.DerivedOf(spec);
        var plan = FeaturePlan.Create(spec);
        var stage = new FeatureStage(plan, time: new ManualTimeProvider());
        var features = new float[plan.Width];
        CmapssEngine engine = Engines.Value[0];
        for (int t = 0; t < engine.Cycles; t++)
        {
            double s2 = engine.Channels["s2"][t], s7 = engine.Channels["s7"][t], s12 = engine.Channels["s12"][t];

            Assert.True(stage.TryPushRow([s2, s7, s12], null, features, out _));

            Assert.Equal((float)s2, features[0]);
            Assert.Equal((float)kit[0].Compute(s7, s12), features[1]);
            Assert.Equal((float)kit[1].Compute(s2, s7), features[2]);
        }
    }
}
