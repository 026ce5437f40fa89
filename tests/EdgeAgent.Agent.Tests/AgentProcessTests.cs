using System.Diagnostics;

namespace EdgeAgent.Agent.Tests;

public sealed class AgentProcessTests
{
    [Fact]
    public async Task Main_DemoAsAProcess_PrintsRuntimeScoresAndTheAnomalyThenExitsZero()
    {
        string agent = Path.Combine(AppContext.BaseDirectory, "edgeagent.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { agent, "--Demo:WindowInterval=00:00:00", "--Demo:Windows=200" },
        };
        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await process.WaitForExitAsync(timeout.Token);

        string output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("ONNX Runtime 1.30", output, StringComparison.Ordinal);
        Assert.Contains("CPUExecutionProvider", output, StringComparison.Ordinal);
        Assert.Matches(@"window\s+60\s+score\s+\d+\.\d\d\s+ok", output);
        Assert.Contains("ANOMALY at window", output, StringComparison.Ordinal);
    }
}
