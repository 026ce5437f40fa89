using EdgeAgent.Agent.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Agent.Tests;

public sealed class DemoHostTests
{
    private static IHost Build(params string[] args) =>
        AgentHost.CreateBuilder(["--Demo:WindowInterval=00:00:00", "--Logging:LogLevel:Default=Warning", .. args]).Build();

    [Fact]
    public async Task Run_DemoStream_FlagsTheBearingFaultSoonAfterItStartsAndNotBefore()
    {
        using IHost host = Build("--Demo:Windows=220", "--Demo:FaultStartWindow=150");
        var report = host.Services.GetRequiredService<DemoReport>();

        await host.RunAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(report.Completed.IsCompletedSuccessfully);
        Assert.Equal(220 - 60, report.Scores.Count);
        Assert.DoesNotContain(report.Scores, s => s.Anomaly && !s.FaultActive);
        Assert.NotNull(report.FirstAnomalyWindow);
        Assert.InRange(report.FirstAnomalyWindow.Value, 150, 170);
        double healthyMean = report.Scores.Where(s => !s.FaultActive).Average(s => s.Score);
        Assert.InRange(healthyMean, 0.5, 2.0);
        Assert.True(report.Scores.Where(s => s.Window >= 200).All(s => s.Anomaly), "a grown fault stays above the threshold");
        Assert.False(string.IsNullOrEmpty(report.RuntimeVersion));
        Assert.Contains("CPUExecutionProvider", report.AvailableProviders);
    }

    [Theory]
    [InlineData("--Demo:CalibrationWindows=3", "Demo:CalibrationWindows is 3")]
    [InlineData("--Demo:SampleRate=10", "Demo:SampleRate is 10")]
    [InlineData("--Inference:ExecutionProviders:0=Warp9", "Inference:ExecutionProviders names an unknown provider 'Warp9'")]
    [InlineData("--Inference:IntraOpThreads=-2", "Inference:IntraOpThreads is -2")]
    public async Task Start_BadSetting_FailsNamingTheSetting(string setting, string expected)
    {
        using IHost host = Build(setting);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(ex.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_DemoDisabled_ScoresNothing()
    {
        using IHost host = Build("--Demo:Enabled=false");
        var report = host.Services.GetRequiredService<DemoReport>();

        await host.StartAsync();
        await report.Completed.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.Empty(report.Scores);
    }
}
