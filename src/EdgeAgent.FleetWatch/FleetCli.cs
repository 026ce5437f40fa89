using System.CommandLine;
using EdgeAgent.FleetWatch.Watching;

namespace EdgeAgent.FleetWatch;

/// <summary>The edgeagent-fleet command line.</summary>
internal static class FleetCli
{
    /// <summary>Runs the command line; exit status 0 on success, 1 when the broker cannot be reached, 2 for bad usage.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where tables go.</param>
    /// <param name="error">Where errors and progress go.</param>
    /// <param name="outputRedirected">Whether <paramref name="output"/> is not a terminal: then tables are printed, not redrawn.</param>
    /// <param name="time">The clock (tests pass a fake one).</param>
    /// <param name="cancellationToken">Stops a live watch (Program cancels it on Ctrl+C and SIGTERM).</param>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        bool outputRedirected,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        TextWriter safeError = TextWriter.Synchronized(error);
        var root = new RootCommand("edgeagent-fleet: look at an EdgeAgent fleet from its MQTT broker.")
        {
            WatchCommand.Create(output, safeError, outputRedirected, time ?? TimeProvider.System),
        };
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await safeError.WriteLineAsync($"error: {e.Message}");
            }

            await safeError.WriteLineAsync("Run 'edgeagent-fleet watch --help' for usage.");
            return 2;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = safeError, ProcessTerminationTimeout = null }, cancellationToken);
    }
}
