using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace EdgeAgent.TestKit;

/// <summary>
/// A Debian <c>mosquitto</c> broker for a test: listens on 127.0.0.1 at a free port, configured from a mosquitto.conf in its own
/// temporary folder (the caller adds TLS, password or ACL lines, which apply to the listener, or writes the whole file). It can
/// be stopped (SIGTERM) and started again on the same port, or told to reload (SIGHUP); disposing kills it and deletes the folder.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    /// <summary>Where Debian installs the broker.</summary>
    public const string Executable = "/usr/sbin/mosquitto";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly string _configPath;
    private readonly List<RunningProcess> _runs = [];
    private RunningProcess? _current;

    private MosquittoBroker(string directory, int port)
    {
        Directory = directory;
        Port = port;
        _configPath = Path.Combine(directory, "mosquitto.conf");
    }

    /// <summary>Whether the broker is installed here.</summary>
    public static bool IsInstalled => File.Exists(Executable);

    /// <summary>Always 127.0.0.1.</summary>
    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>The broker's temporary folder (mosquitto.conf is in it); callers may keep files there too.</summary>
    public string Directory { get; }

    /// <summary>Whether the broker process is running.</summary>
    public bool IsRunning => _current is { HasExited: false };

    /// <summary>Everything every run of the broker logged, for failure messages.</summary>
    public string Output => string.Join("\n", _runs.Select(r => r.Output));

    /// <summary>
    /// Starts a broker on a free port of 127.0.0.1 with anonymous clients allowed unless <paramref name="allowAnonymous"/> is
    /// false, plus <paramref name="configLines"/> (such as <c>cafile /x/ca.crt</c> or <c>password_file /x/passwd</c>), and
    /// waits until it accepts TCP connections.
    /// </summary>
    public static Task<MosquittoBroker> StartAsync(IEnumerable<string>? configLines = null, bool allowAnonymous = true)
    {
        string[] lines = [.. configLines ?? []];
        return StartCoreAsync(broker => broker.DefaultConfig(lines, allowAnonymous));
    }

    /// <summary>
    /// Starts a broker from a whole configuration that <paramref name="renderConfig"/> writes for the chosen port and the
    /// broker's folder (it may be called again with another port and folder if the port was taken meanwhile), and waits until
    /// it accepts TCP connections. The configuration must have mosquitto run as the current user, log to stderr with at least
    /// notice messages (the start is detected from "mosquitto version ... running"; <see cref="ReloadAsync"/> needs information
    /// messages, which mosquitto logs unless log_type says otherwise), and listen on 127.0.0.1 at that port.
    /// </summary>
    public static Task<MosquittoBroker> StartWithConfigAsync(Func<int, string, IEnumerable<string>> renderConfig)
    {
        ArgumentNullException.ThrowIfNull(renderConfig);
        return StartCoreAsync(broker => renderConfig(broker.Port, broker.Directory));
    }

    /// <summary>Waits for the running broker to log a line matching <paramref name="pattern"/> (such as <c>Client dev1 disconnected</c>).</summary>
    public Task WaitForLogAsync(string pattern, TimeSpan timeout) =>
        (_current ?? throw new InvalidOperationException("The broker is not running.")).WaitForLineAsync(pattern, timeout);

    /// <summary>Stops the broker with SIGTERM (clients see their connections close) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_current is { HasExited: false } running)
        {
            await running.TerminateAsync(StopTimeout);
        }
    }

    /// <summary>
    /// Has the running broker reload its configuration (SIGHUP: it reads the password and ACL files again and drops connected
    /// clients the new password file no longer admits) and waits until it logged "Reloading config." (information level).
    /// The broker reloads before it reads from any socket again, so a client that connects after this returns is checked
    /// against the reloaded files.
    /// </summary>
    public async Task ReloadAsync()
    {
        RunningProcess running = _current is { HasExited: false } current ? current : throw new InvalidOperationException("The broker is not running.");
        const string reloading = "Reloading config";
        int earlier = running.Lines.Count(line => line.Contains(reloading, StringComparison.Ordinal));
        running.SendSignal(RunningProcess.SignalHangUp);
        await running.WaitForLineAsync(reloading, StartTimeout, skip: earlier);
    }

    /// <summary>Starts the broker again, same port and configuration, and waits until it accepts connections.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await RunAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (RunningProcess run in _runs)
        {
            await run.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temporary folder.
        }
    }

    private static async Task<MosquittoBroker> StartCoreAsync(Func<MosquittoBroker, IEnumerable<string>> config)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException($"{Executable} is missing; install the Debian package mosquitto.");
        }

        const int attempts = 3; // Another process may take the free port between the probe and the broker's bind.
        for (int attempt = 1; ; attempt++)
        {
            string directory = System.IO.Directory.CreateTempSubdirectory("edgeagent-mosquitto-").FullName;
            var broker = new MosquittoBroker(directory, FreePort());
            try
            {
                await File.WriteAllLinesAsync(broker._configPath, config(broker));
                await broker.RunAsync();
                return broker;
            }
            catch (TimeoutException) when (attempt < attempts && broker.Output.Contains("Address already in use", StringComparison.Ordinal))
            {
                await broker.DisposeAsync();
            }
            catch
            {
                await broker.DisposeAsync();
                throw;
            }
        }
    }

    private string[] DefaultConfig(string[] lines, bool allowAnonymous) =>
    [
        // Broker-wide settings first; everything after the listener line applies to it (TLS files, require_certificate...).
        $"user {Environment.UserName}", // as root, mosquitto would otherwise switch to the mosquitto user and lose our files
        "persistence false",
        "log_dest stderr", // unbuffered: stdout into a pipe is only flushed at exit
        "log_type error",
        "log_type warning",
        "log_type notice",
        "log_type information",
        "connection_messages true",
        $"allow_anonymous {(allowAnonymous ? "true" : "false")}",
        string.Create(CultureInfo.InvariantCulture, $"listener {Port} {Host}"),
        .. lines,
    ];

    private async Task RunAsync()
    {
        var run = RunningProcess.Start(Executable, ["-c", _configPath], workingDirectory: Directory);
        _runs.Add(run);
        _current = run;
        await run.WaitForLineAsync(@"mosquitto version \S+ running", StartTimeout);
        await WaitUntilAcceptingAsync(run);
    }

    /// <summary>The "running" line comes after the listener is open; one TCP connect within the time limit proves it.</summary>
    private async Task WaitUntilAcceptingAsync(RunningProcess run)
    {
        using var limit = new CancellationTokenSource(StartTimeout);
        using var probe = new TcpClient(AddressFamily.InterNetwork);
        try
        {
            await probe.ConnectAsync(IPAddress.Loopback, Port, limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"mosquitto did not accept a TCP connect on {Host}:{Port} within {StartTimeout}. Output:\n{run.Output}");
        }
        catch (SocketException e)
        {
            throw new TimeoutException($"mosquitto logged that it runs but refused a TCP connect on {Host}:{Port} ({e.SocketErrorCode}). Output:\n{run.Output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
