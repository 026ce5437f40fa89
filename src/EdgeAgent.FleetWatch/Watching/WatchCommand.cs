using System.CommandLine;
using EdgeAgent.FleetWatch.Model;
using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.FleetWatch.Watching;

/// <summary><c>watch</c>: subscribes to a fleet and shows its devices live, or once with <c>--once</c>.</summary>
internal static class WatchCommand
{
    public static Command Create(TextWriter output, TextWriter error, bool outputRedirected, TimeProvider time)
    {
        var fleet = new Option<string>("--fleet") { Description = "The fleet to watch: its devices publish under edge/{fleet}/{device}/.", Required = true };
        fleet.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } f && !FleetTopic.IsValidFleet(f))
            {
                r.AddError($"--fleet: '{f}' cannot name a topic level (empty, or has '/', '+' or '#').");
            }
        });
        var host = new Option<string>("--host") { Description = "The broker's host.", DefaultValueFactory = _ => "localhost" };
        var port = new Option<int?>("--port") { Description = "The broker's port. Default 1883, or 8883 with TLS." };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } p && p is < 1 or > 65535)
            {
                r.AddError($"--port: {p} is not a port (1 to 65535).");
            }
        });
        var username = new Option<string>("--username") { Description = "The user name for the broker's password check." };
        var passwordFile = new Option<FileInfo>("--password-file") { Description = "A file whose first line is the password; needs --username." }.AcceptExistingOnly();
        var caFile = new Option<FileInfo>("--ca-file") { Description = "PEM CA of the broker certificate; turns TLS on." }.AcceptExistingOnly();
        var certFile = new Option<FileInfo>("--cert-file") { Description = "PEM client certificate (TLS); needs --key-file." }.AcceptExistingOnly();
        var keyFile = new Option<FileInfo>("--key-file") { Description = "Unencrypted PEM key of --cert-file." }.AcceptExistingOnly();
        var once = new Option<bool>("--once") { Description = "Print one table when the retained statuses have arrived (or at --timeout), then exit." };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "Longest wait for the broker and, with --once, for the fleet to settle. Default 10s.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(10),
            CustomParser = DurationArgument.Parser("--timeout", TimeSpan.FromMilliseconds(100)),
        };
        var offlineAfter = new Option<TimeSpan>("--offline-after")
        {
            Description = "Show a device whose status says online as silent after this long without a message. Default 5m.",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(5),
            CustomParser = DurationArgument.Parser("--offline-after", TimeSpan.FromSeconds(1)),
        };

        var command = new Command("watch", "Show a fleet's devices live: online or offline, model version, last seen, drift verdict, open alerts.")
        {
            fleet, host, port, username, passwordFile, caFile, certFile, keyFile, once, timeout, offlineAfter,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetResult(certFile) is null) != (r.GetResult(keyFile) is null))
            {
                r.AddError("--cert-file and --key-file go together.");
            }

            if (r.GetResult(passwordFile) is not null && r.GetResult(username) is null)
            {
                r.AddError("--password-file needs --username.");
            }
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            string? password = null;
            if (parse.GetValue(passwordFile) is { } file)
            {
                try
                {
                    password = (await File.ReadAllLinesAsync(file.FullName, cancellationToken)).FirstOrDefault() ?? "";
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await error.WriteLineAsync($"error: cannot read --password-file {file.FullName}: {e.Message}");
                    return 2;
                }
            }

            bool tls = parse.GetResult(caFile) is not null || parse.GetResult(certFile) is not null;
            var broker = new MqttClientOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                ClientId = $"edgeagent-fleet-{Guid.NewGuid():N}"[..32],
                Username = parse.GetValue(username),
                Password = password,
                UseTls = tls,
                CaFile = parse.GetValue(caFile)?.FullName,
                CertFile = parse.GetValue(certFile)?.FullName,
                KeyFile = parse.GetValue(keyFile)?.FullName,
                ConnectTimeout = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(timeout).TotalSeconds, 1, 300)), // the client's range
                MaxReconnectDelay = TimeSpan.FromSeconds(10),
            };
            var settings = new WatchSettings(parse.GetValue(fleet)!, broker, parse.GetValue(once), parse.GetValue(timeout), parse.GetValue(offlineAfter));
            var watcher = new FleetWatcher(settings, output, error, outputRedirected, time);
            return await watcher.RunAsync(cancellationToken);
        });
        return command;
    }
}
