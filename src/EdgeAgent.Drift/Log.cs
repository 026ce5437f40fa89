using Microsoft.Extensions.Logging;

namespace EdgeAgent.Drift;

/// <summary>Drift log messages; event ids 8000-8099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Information, Message = "Drift monitor: {Judged} feature(s) judged by PSI and quantile distance, {Constant} constant feature(s) by their share away from the constant, {Outputs} output(s) by Page-Hinkley; a verdict every {Every} windows over the latest {Count}, from window {Minimum}; thresholds set for at least {Target} windows between false alarms")]
    public static partial void MonitorReady(ILogger logger, int judged, int constant, int outputs, int every, int count, int minimum, int target);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Drift detected in {Features}: {Details} (window {Windows})")]
    public static partial void DriftDetected(ILogger logger, string features, string details, long windows);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Drift persists in {Features}: {Details} ({Windows} windows since it was detected)")]
    public static partial void DriftPersists(ILogger logger, string features, string details, long windows);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Drift cleared after {Windows} windows: every judged feature and output matches the reference again")]
    public static partial void DriftCleared(ILogger logger, long windows);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Output {Output} {Direction}: Page-Hinkley statistic {Statistic:G3} passed its limit {Limit:G3} (reference standard deviations; window {Windows})")]
    public static partial void OutputChanged(ILogger logger, string output, string direction, double statistic, double limit, long windows);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Warning, Message = "Drift monitor: {Count} non-finite value(s) skipped so far (latest in {Value}); they are left out of the batches")]
    public static partial void NonFiniteSkipped(ILogger logger, long count, string value);
}
