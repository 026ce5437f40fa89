using EdgeAgent.Alerting.Board;
using EdgeAgent.Storage;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Alerting;

/// <summary>Alerting log messages; event ids 5000-5099 (board 5000-5019, decisions 5020-5039, outputs 5040-5059).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "ALERT {Severity} raised: {Text} (rule {Rule}, alert {Id})")]
    public static partial void AlertRaised(ILogger logger, AlertSeverity severity, string text, string rule, long id);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Alert {Id} ({Severity}, rule {Rule}) acknowledged by {Actor}")]
    public static partial void AlertAcknowledged(ILogger logger, long id, AlertSeverity severity, string rule, string actor);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Alert {Id} ({Severity}, rule {Rule}) cleared: {Reason}")]
    public static partial void AlertCleared(ILogger logger, long id, AlertSeverity severity, string rule, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Alert board: {Count} open alert(s) restored from the store ({Rules}); their rules will not raise again until they clear")]
    public static partial void AlertsRestored(ILogger logger, int count, string rules);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "Alert board: could not read the open alerts from the store {Path}; starting with none, so a rule whose alert is still open may raise it again")]
    public static partial void RestoreFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Error, Message = "Alert board: the store {Path} refused a write; {Pending} alert change(s) kept in memory and retried every {RetrySeconds} s and at the next change")]
    public static partial void StoreWriteFailed(ILogger logger, string path, int pending, double retrySeconds, Exception exception);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Alert board: the store {Path} takes writes again; every alert change kept in memory is written")]
    public static partial void StoreRecovered(ILogger logger, string path);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Error, Message = "Alert board: a handler of the {Kind} change of rule {Rule} threw; the other handlers still ran")]
    public static partial void ChangeHandlerFailed(ILogger logger, AlertChangeKind kind, string rule, Exception exception);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Error, Message = "Alert board stopping with {Pending} alert change(s) the store {Path} has not taken; they are lost")]
    public static partial void PendingLostAtStop(ILogger logger, int pending, string path);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Error, Message = "Alert board: retrying the pending alert writes failed unexpectedly")]
    public static partial void RetryFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "Decision engine: {Count} rule(s): {Rules}")]
    public static partial void EngineStarted(ILogger logger, int count, string rules);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Information, Message = "Decision engine: rule {Rule} starts raised: its alert {Id} is still open")]
    public static partial void RuleStartsRaised(ILogger logger, string rule, long id);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Warning, Message = "Decision engine: open alert {Id} belongs to rule {Rule}, which is not among the current rules; it stays open until cleared by hand")]
    public static partial void OrphanAlert(ILogger logger, long id, string rule);

    [LoggerMessage(EventId = 5023, Level = LogLevel.Warning, Message = "Decision engine: {Count} non-finite output value(s) ignored so far (latest on output {Output}); they neither raise nor clear alerts")]
    public static partial void NonFiniteOutputs(ILogger logger, long count, string output);

    [LoggerMessage(EventId = 5040, Level = LogLevel.Information, Message = "GPIO alert output on {Chip} ({Driver}): {Lines}")]
    public static partial void GpioReady(ILogger logger, string chip, string driver, string lines);

    [LoggerMessage(EventId = 5041, Level = LogLevel.Error, Message = "GPIO alert output: cannot open {Chip}; every alert line is out of service until it can")]
    public static partial void GpioChipFailed(ILogger logger, string chip, Exception exception);

    [LoggerMessage(EventId = 5042, Level = LogLevel.Error, Message = "GPIO alert output {Name} (line {Line}) failed; it is out of service and retried at the next alert change")]
    public static partial void GpioLineFailed(ILogger logger, string name, int line, Exception exception);

    [LoggerMessage(EventId = 5043, Level = LogLevel.Information, Message = "GPIO alert output {Name} (line {Line}) works again")]
    public static partial void GpioLineRecovered(ILogger logger, string name, int line);

    [LoggerMessage(EventId = 5044, Level = LogLevel.Debug, Message = "GPIO alert output {Name} (line {Line}) {State}")]
    public static partial void GpioLineSet(ILogger logger, string name, int line, string state);
}
