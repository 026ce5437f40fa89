using System.Reflection;
using EdgeAgent.TestKit;

namespace EdgeAgent.Agent.Tests;

/// <summary>
/// The demo's model, made once per test run exactly as the README's demo makes it: <c>eng/demo.sh model</c> records
/// the healthy simulator, trains with the model kit, quantizes and packages.
/// </summary>
public sealed class DemoModelFixture : IAsyncLifetime
{
    public static string Configuration { get; } =
        typeof(DemoModelFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BuildConfiguration").Value!;

    public string Dir { get; } = Directory.CreateTempSubdirectory("edgeagent-demo-").FullName;

    public string PackagePath => Path.Combine(Dir, "demo-bearing.eapkg");

    /// <summary>The agent as built for this test run.</summary>
    public static string AgentDll => Path.Combine(SharedAssets.RepositoryRoot, "src", "EdgeAgent.Agent", "bin", Configuration, "net10.0", "edgeagent.dll");

    public static string DemoScript => Path.Combine(SharedAssets.RepositoryRoot, "eng", "demo.sh");

    public string ModelOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ProcessResult made = await ProcessRunner.RunAsync("bash", [DemoScript, "model", Dir], TimeSpan.FromMinutes(3), new Dictionary<string, string?> { ["CONFIG"] = Configuration });
        Assert.True(made.ExitCode == 0 && File.Exists(PackagePath), made.Describe());
        ModelOutput = made.Output;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Dir, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A fresh folder for one test's store and files.</summary>
    public string NewWorkDir() => Directory.CreateTempSubdirectory("edgeagent-run-").FullName;
}
