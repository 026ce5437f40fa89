using System.Reflection;
using EdgeAgent.TestKit;

namespace EdgeAgent.FleetWatch.Tests.Support;

/// <summary>Runs the built edgeagent-fleet as a child process (<c>dotnet edgeagent-fleet.dll ...</c>); its output is redirected.</summary>
internal static class FleetWatchCli
{
    public static string DllPath { get; } = Path.GetFullPath(
        typeof(FleetWatchCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FleetWatchPath").Value!);

    private static string Host => Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    public static RunningProcess Start(params string[] args) => RunningProcess.Start(Host, [DllPath, .. args]);

    public static Task<ProcessResult> RunAsync(TimeSpan timeout, params string[] args) => ProcessRunner.RunAsync(Host, [DllPath, .. args], timeout);
}
