using EdgeAgent.Features.Computation;
using EdgeAgent.ModelKit.Data;
using EdgeAgent.ModelKit.Packaging;
using EdgeAgent.ModelKit.Tests.Kit;
using EdgeAgent.Packaging;

namespace EdgeAgent.ModelKit.Tests.Packaging;

public sealed class FeatureSpecFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgeagent-spec-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Read_DemoSpec_IsTheDemoMachinesSpecAndTheAgentCompilesIt()
    {
        FeatureSpec spec = FeatureSpecFile.Read(DemoSpec.Path);
        var rates = spec.Channels.ToDictionary(c => c.Name, _ => 10_000.0);

        FeaturePlan plan = FeaturePlan.Create(spec, rates);

        DemoSpec.AssertSame(DemoSpec.Expected, spec);
        Assert.Equal(17, plan.Width);
        Assert.Equal(1024, plan.FftSize);
        Assert.Equal(["vib_x", "vib_y", "vib_z", "temperature", "current"], plan.Channels);
    }

    [Fact]
    public void WriteThenRead_SpecWithDerivedValue_ReadsBackTheSameSpec()
    {
        var spec = new FeatureSpec
        {
            Window = 256,
            Hop = 128,
            Padding = "repeat-first",
            Channels = [new ChannelFeatures("p_in", "bar", ["mean", "ewma:0.25"]), new ChannelFeatures("p_out", "bar", ["recent_mean:16"])],
            Derived = [new DerivedFeature("drop", "difference", "p_in", "p_out", 1, "bar")],
        };
        string path = Path.Combine(_dir, "spec.json");

        FeatureSpecFile.Write(path, spec);
        FeatureSpec read = FeatureSpecFile.Read(path);

        DemoSpec.AssertSame(spec, read);
        Assert.Contains("\"recent_mean:16\"", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ChannelWithNoFeaturesFeedingNothing_ThrowsNamingFileAndChannel()
    {
        var spec = new FeatureSpec
        {
            Window = 8,
            Hop = 8,
            Channels = [new ChannelFeatures("vib_x", "g", ["rms"]), new ChannelFeatures("spare", "g", [])],
        };

        var ex = Assert.Throws<DataFormatException>(() => FeatureSpecFile.Compile("spec.json", spec, new Dictionary<string, double>()));

        Assert.Equal("spec.json: channel 'spare' asks for no features and feeds no derived value; a package would be refused.", ex.Message);
    }
}
