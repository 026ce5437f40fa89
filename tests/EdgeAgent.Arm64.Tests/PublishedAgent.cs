using EdgeAgent.TestKit;
namespace EdgeAgent.Arm64.Tests;

/// <summary>The agent as `dotnet publish -r linux-arm64` lays it out, in a temporary folder, once per test class.</summary>
public sealed class PublishedAgent : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("edgeagent-publish-arm64-").FullName;

    public async Task InitializeAsync()
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        // No build servers or reused nodes: they would outlive the publish and keep its output pipes open.
        var environment = new Dictionary<string, string?>
        {
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        ProcessResult published = await ProcessRunner.RunAsync(
            dotnet,
            ["publish", Path.Combine(RepoPaths.Root, "src", "EdgeAgent.Agent"), "-c", "Release", "-r", "linux-arm64",
             "--self-contained", "false", "-p:UseAppHost=false", "-p:UseSharedCompilation=false", "-nodeReuse:false", "-o", Directory],
            PublishTimeout,
            environment);
        Assert.True(published.ExitCode == 0, "dotnet publish for linux-arm64 failed: " + published.Describe());
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
