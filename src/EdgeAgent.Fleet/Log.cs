using Microsoft.Extensions.Logging;

namespace EdgeAgent.Fleet;

/// <summary>Uplink log messages; event ids 7100-7199 (publisher 7100-7119, budget 7120-7129, feeding the outbox 7130-7139).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Uplink to {Prefix}/<stream>: QoS 1, up to {MaxInFlight} messages in flight, predictions in batches of up to {BatchSize} (a partial batch waits {BatchDelay}), gzip above {CompressAbove} bytes when smaller, daily budget {Budget}")]
    public static partial void Started(ILogger logger, string prefix, int maxInFlight, int batchSize, string batchDelay, string compressAbove, string budget);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Uplink stopped: {Acknowledged} messages acknowledged this run; {InFlight} in flight stay pending and go again at the next start")]
    public static partial void Stopped(ILogger logger, long acknowledged, int inFlight);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Message {MessageId} on {Topic} was not delivered: {Reason}; the {Stream} stream keeps it pending and sends it again in {Delay}")]
    public static partial void StreamHeld(ILogger logger, string messageId, string topic, string reason, string stream, string delay);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information, Message = "The {Stream} stream goes again: message {MessageId} acknowledged after {Refusals} refusal(s)")]
    public static partial void StreamResumed(ILogger logger, string stream, string messageId, int refusals);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Error, Message = "Uplink pass failed; trying again in {Delay}")]
    public static partial void PassFailed(ILogger logger, string delay, Exception exception);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Warning, Message = "The MQTT client was disposed; the uplink stops and what is pending stays in the outbox")]
    public static partial void ClientGone(ILogger logger);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Error, Message = "Uplink could not record its last acknowledgements at shutdown; those messages go again at the next start")]
    public static partial void FinalCommitFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Error, Message = "The outbox stream {Stream} cannot be published ({Reason}); its messages stay pending")]
    public static partial void StreamUnpublishable(ILogger logger, string stream, string reason);

    [LoggerMessage(EventId = 7120, Level = LogLevel.Warning, Message = "Daily uplink budget reached on {Day}: {Bytes} of {Budget} bytes; predictions wait until 00:00 UTC (in {Wait}), alerts, drift and status still go")]
    public static partial void BudgetReached(ILogger logger, string day, long bytes, long budget, string wait);

    [LoggerMessage(EventId = 7121, Level = LogLevel.Information, Message = "Uplink on {Day}: {Bytes} bytes on the wire (budget {Budget}); this run: {Messages} messages, {Predictions} predictions at {BytesPerPrediction} bytes each")]
    public static partial void DayEnded(ILogger logger, string day, long bytes, string budget, long messages, long predictions, string bytesPerPrediction);

    [LoggerMessage(EventId = 7130, Level = LogLevel.Debug, Message = "Queued {Count} predictions as {Stream} message {Sequence}: {Bytes} bytes{Encoding}")]
    public static partial void PredictionsQueued(ILogger logger, int count, string stream, long sequence, int bytes, string encoding);

    [LoggerMessage(EventId = 7131, Level = LogLevel.Debug, Message = "Queued {Count} alert change(s)")]
    public static partial void AlertsQueued(ILogger logger, int count);
}
