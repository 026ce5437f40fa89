using Microsoft.Extensions.Logging;

namespace EdgeAgent.Agent.Pipeline;

/// <summary>Pipeline log messages; event ids 200-299.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Serving model {Model} ({Precision}, {Width} features over {Window}-sample windows every {Hop}) from source {Source}; providers {Providers}")]
    public static partial void Serving(ILogger logger, string model, string precision, int width, int window, int hop, string source, string providers);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "Committed predictions {FirstId}-{LastId} (last window {WindowId})")]
    public static partial void PredictionsCommitted(ILogger logger, long firstId, long lastId, long windowId);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "The store refused {Count} predictions; they stay in memory and will be retried")]
    public static partial void CommitFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 203, Level = LogLevel.Error, Message = "{Dropped} predictions dropped so far: the store cannot take them and {Max} are already held in memory")]
    public static partial void PredictionsDropped(ILogger logger, long dropped, int max);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Prediction writer stopped: {Committed} committed, {Pending} left pending, {Dropped} dropped")]
    public static partial void WriterStopped(ILogger logger, long committed, int pending, long dropped);

    [LoggerMessage(EventId = 205, Level = LogLevel.Error, Message = "Sensor source {Source} failed; reopening it in {Delay}")]
    public static partial void SourceFailed(ILogger logger, string source, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "Sensor source {Source} ended after {Rows} rows")]
    public static partial void SourceEnded(ILogger logger, string source, long rows);

    [LoggerMessage(EventId = 207, Level = LogLevel.Information, Message = "First prediction {Elapsed} after the process started: window {WindowId}, {Output} = {Value}")]
    public static partial void FirstPrediction(ILogger logger, TimeSpan elapsed, long windowId, string output, float value);

    [LoggerMessage(EventId = 208, Level = LogLevel.Warning, Message = "Window {WindowId} skipped: {Reason}")]
    public static partial void WindowSkipped(ILogger logger, long windowId, string reason);

    [LoggerMessage(EventId = 209, Level = LogLevel.Debug, Message = "Window {WindowId} {Output} = {Value}")]
    public static partial void WindowScored(ILogger logger, long windowId, string output, float value);

    [LoggerMessage(EventId = 210, Level = LogLevel.Error, Message = "The pipeline failed on a block from {Source}; it goes on with the next block")]
    public static partial void BlockFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(EventId = 212, Level = LogLevel.Information, Message = "Pipeline stopped after {Rows} rows: {Scored} windows scored, {Skipped} skipped")]
    public static partial void Stopped(ILogger logger, long rows, long scored, long skipped);

    [LoggerMessage(EventId = 211, Level = LogLevel.Critical, Message = "The agent cannot serve: {Reason}")]
    public static partial void CannotServe(ILogger logger, string reason, Exception exception);
}
