using Microsoft.Extensions.Logging;

namespace EdgeAgent.LocalPage;

/// <summary>Local page log messages; event ids 6000-6099.</summary>
internal static partial class LocalPageLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Local page at {Url}")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "Local page could not listen on {Url}; the agent goes on without it")]
    public static partial void BindFailed(ILogger logger, string url, Exception exception);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Local page at {Url} stopped")]
    public static partial void Stopped(ILogger logger, string url);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Local page disabled (LocalPage:Enabled is false)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Created the acknowledge token file {Path} (mode 0600); crews type the token in it to acknowledge alerts")]
    public static partial void TokenFileCreated(ILogger logger, string path);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "The acknowledge token file {Path} can be read by other users (mode {Mode}); make it 0600")]
    public static partial void TokenFileOpen(ILogger logger, string path, string mode);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Error, Message = "No acknowledge token: {Reason}; acknowledging from the local page is off until it is fixed and the agent restarted")]
    public static partial void NoToken(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Information, Message = "Alert {AlertId}: {Outcome} by {Actor}")]
    public static partial void Acknowledge(ILogger logger, long alertId, AckOutcome outcome, string actor);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Warning, Message = "Refused to acknowledge alert {AlertId} for {Remote}: {Reason}")]
    public static partial void AckRefused(ILogger logger, string alertId, string remote, string reason);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Error, Message = "Local page request {Method} {Path} failed")]
    public static partial void RequestFailed(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "Local page refused a request for host {Host}: the page answers only to loopback names (DNS rebinding guard)")]
    public static partial void HostRefused(ILogger logger, string host);
}
