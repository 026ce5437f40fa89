using Microsoft.Extensions.Logging;

namespace EdgeAgent.Agent.Hosting;

/// <summary>Host log messages; event ids 100-199.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "systemd watchdog on: petting it every {Period}")]
    public static partial void WatchdogEnabled(ILogger logger, TimeSpan period);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Could not send {State} to systemd's notify socket {Socket}")]
    public static partial void NotifyFailed(ILogger logger, string state, string socket);
}
