using Microsoft.Extensions.Logging;

namespace EdgeAgent.Inference;

/// <summary>Inference log messages; event ids 1000-1099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Loaded model {Source}: {InputCount} input(s), {OutputCount} output(s), providers {Providers}")]
    public static partial void ModelLoaded(ILogger logger, string source, int inputCount, int outputCount, string providers);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Execution provider {Provider} skipped: {Reason}")]
    public static partial void ProviderSkipped(ILogger logger, string provider, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Execution provider {Provider} enabled")]
    public static partial void ProviderEnabled(ILogger logger, string provider);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Model {Source} could not be loaded: {Reason}")]
    public static partial void ModelLoadFailed(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Recurrent state: output {Output} feeds input {Input}")]
    public static partial void RecurrentStatePaired(ILogger logger, string output, string input);
}
