using Microsoft.Extensions.Logging;

namespace EdgeAgent.Sensing;

/// <summary>Sensing log messages; event ids 3000-3099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Sensor source {Source} open: {ChannelCount} channels ({Channels})")]
    public static partial void SourceOpened(ILogger logger, string source, int channelCount, string channels);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Sensor source {Source} closed after {Rows} rows")]
    public static partial void SourceClosed(ILogger logger, string source, long rows);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Simulator: seed {Seed}, {SampleRate} Hz, shaft {ShaftHz} Hz, speed {Speed}; faults: {Faults}")]
    public static partial void SimulatorConfigured(ILogger logger, int seed, double sampleRate, double shaftHz, double speed, string faults);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "{Path}:{Line}: {Reason}; row skipped")]
    public static partial void BadRowSkipped(ILogger logger, string path, long line, string reason);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "{Path}: {Limit} bad rows logged; further bad rows are skipped and counted without a message each")]
    public static partial void BadRowLoggingSuppressed(ILogger logger, string path, int limit);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "{Source}: end of {Path} after pass {Pass}; starting again from the first row")]
    public static partial void ReplayLooping(ILogger logger, string source, string path, long pass);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information, Message = "{Source}: end of {Path}: {Rows} rows fed, {Skipped} bad rows skipped")]
    public static partial void ReplayEnded(ILogger logger, string source, string path, long rows, long skipped);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning, Message = "{Source}: polling at {Rate} Hz fell behind; {Missed} sample slots skipped so far (the timestamps show the gaps)")]
    public static partial void PollingBehind(ILogger logger, string source, double rate, long missed);
}
