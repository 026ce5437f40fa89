using Microsoft.Extensions.Logging;

namespace EdgeAgent.Agent.Drift;

/// <summary>Drift watch messages; event ids 300-309.</summary>
internal static partial class DriftWatchLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Drift is not watched for model {Model}: {Reason}; the agent serves without drift verdicts")]
    public static partial void CannotWatch(ILogger logger, string model, string reason, Exception exception);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "A drift verdict could not be kept in the store: {Reason}")]
    public static partial void NotKept(ILogger logger, string reason, Exception exception);
}
