using System.Reflection;
using EdgeAgent.TestKit;

namespace EdgeAgent.Fleet.Tests.Support;

/// <summary>Runs tests/EdgeAgent.Fleet.CrashAgent as a child process (<c>dotnet CrashAgent.dll ...</c>).</summary>
internal static class CrashAgent
{
    public static string DllPath { get; } = Path.GetFullPath(
        typeof(CrashAgent).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashAgentPath").Value!);

    public static RunningProcess Start(params string[] args)
    {
        string host = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        return RunningProcess.Start(host, [DllPath, .. args]);
    }
}
