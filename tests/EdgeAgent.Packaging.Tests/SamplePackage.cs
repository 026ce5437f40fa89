using EdgeAgent.Onnx.Building;

namespace EdgeAgent.Packaging.Tests;

/// <summary>A small valid package: 2 channels × 2 features in, an anomaly score out.</summary>
internal static class SamplePackage
{
    public static byte[] Model(int width = 4, string input = "features") => new OnnxGraphBuilder("sample")
        .Input(input, typeof(float), "batch", width)
        .Output("score", typeof(float), "batch")
        .Node("ReduceMean", [input], ["score"], new Dictionary<string, object> { ["axes"] = new long[] { 1 }, ["keepdims"] = 0L })
        .ToBytes();

    public static PackageManifest Manifest() => new()
    {
        Name = "pump-anomaly",
        Version = "1.2.3",
        Task = "anomaly",
        Model = new PackageModelFile("", "", 0, "float32"),
        Inputs = [new PackageTensor("features", "float32", ["batch", "4"], "window features", "mixed")],
        Outputs = [new PackageTensor("score", "float32", ["batch"], "anomaly score", "1")],
        Features = new FeatureSpec
        {
            Window = 256,
            Hop = 128,
            Channels = [new ChannelFeatures("vib_x", "g", ["rms", "kurtosis"]), new ChannelFeatures("temp", "degC", ["mean", "slope"])],
        },
        Alerts = [new AlertThreshold("score", "above", 3.5, "warning", "99.9th percentile of healthy training scores")],
        Metrics = new Dictionary<string, double> { ["rocAuc"] = 0.93, ["prAuc"] = 0.61 },
    };

    public static ReferenceProfile Profile(FeatureSpec spec)
    {
        var random = new Random(5);
        return new ReferenceProfile
        {
            Features = [.. spec.ValueNames.Select(n => ValueProfile.Of(n, [.. Enumerable.Range(0, 200).Select(_ => random.NextDouble())]))],
        };
    }

    public static ModelPackage Create() => ModelPackage.Create(Manifest(), Model(), Profile(Manifest().Features));
}
