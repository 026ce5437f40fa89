using EdgeAgent.Drift.Monitoring;
using EdgeAgent.Drift.Tests.Support;
using EdgeAgent.Onnx.Building;
using EdgeAgent.Packaging;
using EdgeAgent.TestKit;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Drift.Tests.Monitoring;

public sealed class DriftMonitorFactoryTests
{
    [Fact]
    public void Create_Package_JudgesItsInputsInManifestOrder()
    {
        var time = new ManualTimeProvider();
        var factory = new DriftMonitorFactory(Options.Create(new DriftOptions()), time, new TypedLogger<DriftMonitor>(new ListLogger()));

        DriftMonitor monitor = factory.Create(Package());

        Assert.Equal(SyntheticStream.Names, monitor.Reference.Features.Select(f => f.Name));
        Assert.Equal(["score"], monitor.Reference.Outputs.Select(o => o.Name));
        var stream = new SyntheticStream(seed: 9);
        var features = new float[SyntheticStream.Width];
        var outputs = new float[1];
        DriftVerdict? last = null;
        for (int i = 0; i < 200; i++)
        {
            stream.Next(features, outputs);
            last = monitor.Observe(features, outputs) ?? last;
        }

        Assert.Equal((DriftState.NoDrift, time.GetUtcNow()), (last?.State, last?.Time));
    }

    private static ModelPackage Package()
    {
        byte[] model = new OnnxGraphBuilder("sample")
            .Input("features", typeof(float), "batch", 4)
            .Output("score", typeof(float), "batch")
            .Node("ReduceMean", ["features"], ["score"], new Dictionary<string, object> { ["axes"] = new long[] { 1 }, ["keepdims"] = 0L })
            .ToBytes();
        var manifest = new PackageManifest
        {
            Name = "pump-anomaly",
            Version = "1.0.0",
            Task = "anomaly",
            Model = new PackageModelFile("", "", 0, "float32"),
            Inputs = [new PackageTensor("features", "float32", ["batch", "4"], "window features", "mixed")],
            Outputs = [new PackageTensor("score", "float32", ["batch"], "anomaly score", "1")],
            Features = new FeatureSpec
            {
                Window = 64,
                Hop = 32,
                Channels = [new ChannelFeatures("pump", "g", ["rms", "crest", "peak"]), new ChannelFeatures("setpoint", "bar", ["last"])],
            },
        };
        return ModelPackage.Create(manifest, model, SyntheticStream.Profile(5_000));
    }
}
