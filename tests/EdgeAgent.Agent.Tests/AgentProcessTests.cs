using EdgeAgent.TestKit;

namespace EdgeAgent.Agent.Tests;

public sealed class AgentProcessTests
{
    [Fact]
    public async Task Main_DemoAsAProcess_PrintsRuntimeScoresAndTheAnomalyThenExitsZero()
    {
        string agent = Path.Combine(AppContext.BaseDirectory, "edgeagent.dll");

        ProcessResult run = await ProcessRunner.RunAsync("dotnet", [agent, "--Demo:WindowInterval=00:00:00", "--Demo:Windows=200"], TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("ONNX Runtime 1.30", run.Output, StringComparison.Ordinal);
        Assert.Contains("CPUExecutionProvider", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"window\s+60\s+score\s+\d+\.\d\d\s+ok", run.Output);
        Assert.Contains("ANOMALY at window", run.Output, StringComparison.Ordinal);
    }
}
