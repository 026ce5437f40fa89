using Microsoft.Extensions.Logging;

namespace EdgeAgent.Agent.Demo;

/// <summary>Demo log messages; event ids 2000-2099.</summary>
internal static partial class DemoLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "ONNX Runtime {Version}; execution providers in this library: {Providers}")]
    public static partial void Runtime(ILogger logger, string version, string providers);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Fitted the anomaly model on {Windows} healthy windows ({Bytes} bytes, int8 QDQ); providers in use: {Providers}; alert threshold {Threshold:F2}")]
    public static partial void ModelReady(ILogger logger, int windows, int bytes, string providers, float threshold);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "window {Window,4}  score {Score,8:F2}  {State}")]
    public static partial void Scored(ILogger logger, int window, float score, string state);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "ANOMALY at window {Window}: score {Score:F2} is above the threshold {Threshold:F2} (bearing fault began at window {FaultStart})")]
    public static partial void FirstAnomaly(ILogger logger, int window, float score, float threshold, int faultStart);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Demo done: {Windows} windows scored, {Anomalies} above threshold, first at window {First}")]
    public static partial void Done(ILogger logger, int windows, int anomalies, string first);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Critical, Message = "Demo failed")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Bearing fault injected from window {Window}; watch the score rise")]
    public static partial void FaultInjected(ILogger logger, int window);
}
