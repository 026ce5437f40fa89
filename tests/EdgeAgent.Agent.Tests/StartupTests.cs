using System.IO.Compression;
using System.Text.Json.Nodes;
using EdgeAgent.TestKit;

namespace EdgeAgent.Agent.Tests;

[Collection(AgentCollection.Name)]
public sealed class StartupTests(DemoModelFixture demo)
{
    [Theory]
    [InlineData("--Pipeline:BlockRows=0", "Pipeline:BlockRows is 0")]
    [InlineData("--Agent:DeviceId=bad/id", "Agent:DeviceId is 'bad/id'")]
    [InlineData("--Sensors:Source=Telepathy", "Sensors:Source")]
    [InlineData("--Model:PackagePath=/nonexistent/model.eapkg", "Model:PackagePath: the package file '/nonexistent/model.eapkg' does not exist")]
    [InlineData("--Pipeline:Quality:vib_w:Minimum=-50", "Pipeline:Quality names 'vib_w', which model demo-bearing@1.0.0 does not read")]
    public async Task Start_BadSetting_RefusedWithAMessageNamingIt(string setting, string expected)
    {
        ProcessResult run = await AgentRun.RunToEndAsync(demo.PackagePath, demo.NewWorkDir(), setting);

        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.Contains("edgeagent: cannot start:", run.Output, StringComparison.Ordinal);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ModelReadsAChannelTheSourceLacks_RefusedNamingTheChannel()
    {
        string work = demo.NewWorkDir();
        string csv = Path.Combine(work, "two-channels.csv");
        await File.WriteAllLinesAsync(csv, ["vib_x,vib_y,temperature,current", "0.1,0.2,40,3", "0.1,0.2,40,3"]);

        ProcessResult run = await AgentRun.RunToEndAsync(demo.PackagePath, work, "--Sensors:Source=Replay", $"--Sensors:Replay:Path={csv}", "--Sensors:Replay:Rate=1000");

        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.Contains("reads channel(s) 'vib_z'", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PackageDeclaresAFeatureTheAgentCannotCompute_RefusedNamingTheFeature()
    {
        string work = demo.NewWorkDir();
        string package = Path.Combine(work, "wavelet.eapkg");
        File.Copy(demo.PackagePath, package);
        using (ZipArchive zip = ZipFile.Open(package, ZipArchiveMode.Update))
        {
            ZipArchiveEntry entry = zip.GetEntry("manifest.json")!;
            JsonNode manifest;
            using (Stream read = entry.Open())
            {
                manifest = JsonNode.Parse(read)!;
            }

            manifest["features"]!["channels"]![0]!["features"]![3] = "wavelet_entropy";
            entry.Delete();
            using Stream write = zip.CreateEntry("manifest.json").Open();
            write.Write(System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString()));
        }

        ProcessResult run = await AgentRun.RunToEndAsync(package, work);

        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.Contains("wavelet_entropy", run.Output, StringComparison.Ordinal);
    }
}
