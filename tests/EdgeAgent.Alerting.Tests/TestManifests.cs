using EdgeAgent.Packaging;

namespace EdgeAgent.Alerting.Tests;

/// <summary>Package manifests built in code, with the outputs and alert thresholds a test needs.</summary>
internal static class TestManifests
{
    public static PackageTensor Score { get; } = new("score", "float32", ["batch"], "anomaly score", "1");

    public static PackageTensor Rul { get; } = new("rul", "float32", ["batch", "1"], "remaining useful life", "cycles");

    public static PackageTensor Embedding { get; } = new("embedding", "float32", ["batch", "16"], "latent vector", "1");

    public static PackageManifest With(IReadOnlyList<PackageTensor> outputs, params AlertThreshold[] alerts) => new()
    {
        Name = "pump-anomaly",
        Version = "1.2.3",
        Task = "anomaly",
        Model = new PackageModelFile("model.onnx", new string('0', 64), 1, "float32"),
        Inputs = [new PackageTensor("features", "float32", ["batch", "2"], "window features", "mixed")],
        Outputs = outputs,
        Features = new FeatureSpec { Window = 256, Hop = 128, Channels = [new ChannelFeatures("vib_x", "g", ["rms", "kurtosis"])] },
        Alerts = alerts,
    };
}
