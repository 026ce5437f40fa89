using Microsoft.Extensions.Logging;

namespace EdgeAgent.Agent.FleetLink;

/// <summary>Fleet link messages; event ids 310-319.</summary>
internal static partial class FleetLinkLog
{
    [LoggerMessage(EventId = 310, Level = LogLevel.Warning, Message = "A drift verdict could not be queued for the fleet: {Reason}")]
    public static partial void DriftNotQueued(ILogger logger, string reason, Exception exception);
}
