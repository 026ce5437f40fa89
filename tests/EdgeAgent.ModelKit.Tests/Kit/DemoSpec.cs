using EdgeAgent.Packaging;
using EdgeAgent.TestKit;

namespace EdgeAgent.ModelKit.Tests.Kit;

/// <summary>The committed demo spec, deploy/demo/vibration-features.json, and what it must say.</summary>
internal static class DemoSpec
{
    public static string Path => System.IO.Path.Combine(SharedAssets.RepositoryRoot, "deploy", "demo", "vibration-features.json");

    public static IReadOnlyList<string> VibrationFeatures { get; } = ["rms", "peak", "crest", "kurtosis", "band_energy:2000-4000"];

    /// <summary>The spec as the product's demo needs it, written out by hand.</summary>
    public static FeatureSpec Expected { get; } = new()
    {
        Window = 1024,
        Hop = 512,
        StepUnit = "samples",
        Padding = "none",
        Channels =
        [
            new ChannelFeatures("vib_x", "g", VibrationFeatures),
            new ChannelFeatures("vib_y", "g", VibrationFeatures),
            new ChannelFeatures("vib_z", "g", VibrationFeatures),
            new ChannelFeatures("temperature", "degC", ["mean"]),
            new ChannelFeatures("current", "A", ["mean"]),
        ],
    };

    /// <summary>Asserts two specs say the same, member by member (the record's lists compare by reference).</summary>
    public static void AssertSame(FeatureSpec expected, FeatureSpec actual)
    {
        Assert.Equal(expected.Window, actual.Window);
        Assert.Equal(expected.Hop, actual.Hop);
        Assert.Equal(expected.StepUnit, actual.StepUnit);
        Assert.Equal(expected.Padding, actual.Padding);
        Assert.Equal(expected.Channels.Select(c => c.Name), actual.Channels.Select(c => c.Name));
        Assert.Equal(expected.Channels.Select(c => c.Units), actual.Channels.Select(c => c.Units));
        Assert.Equal(expected.Channels.Select(c => string.Join('|', c.Features)), actual.Channels.Select(c => string.Join('|', c.Features)));
        Assert.Equal(expected.Derived, actual.Derived);
    }
}
