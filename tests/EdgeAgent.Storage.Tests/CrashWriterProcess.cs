using System.Diagnostics;
using System.Reflection;

namespace EdgeAgent.Storage.Tests;

/// <summary>Runs tests/EdgeAgent.Storage.CrashWriter as a child process (<c>dotnet CrashWriter.dll ...</c>) and reads its lines.</summary>
internal sealed class CrashWriterProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _stderr = new();

    private CrashWriterProcess(Process process) => _process = process;

    public static string DllPath { get; } = Path.GetFullPath(
        typeof(CrashWriterProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashWriterPath").Value!);

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static CrashWriterProcess Start(params string[] args)
    {
        string host = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var writer = new CrashWriterProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (writer._stderr)
            {
                writer._stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        return writer;
    }

    /// <summary>The next stdout line, or null at the end of the stream.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellation) =>
        await _process.StandardOutput.ReadLineAsync(cancellation);

    /// <summary>SIGKILL on Linux: no managed code of the child runs after it.</summary>
    public async Task KillAsync(CancellationToken cancellation)
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync(cancellation);
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellation)
    {
        await _process.WaitForExitAsync(cancellation);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
