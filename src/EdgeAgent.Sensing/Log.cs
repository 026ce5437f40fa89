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

    [LoggerMessage(EventId = 3030, Level = LogLevel.Information, Message = "{Source}: connected to the broker; subscribed to {Filters}")]
    public static partial void MqttSubscribed(ILogger logger, string source, string filters);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "{Source}: no readings while the broker is unreachable ({Reason}); each channel holds NaN once its last value is older than {StaleAfter}")]
    public static partial void MqttUnreachable(ILogger logger, string source, string reason, TimeSpan staleAfter);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Warning, Message = "{Source}: message on {Topic} rejected: {Reason} ({Suppressed} more rejected since the last such line; at most one line per {Interval})")]
    public static partial void MqttMessageRejected(ILogger logger, string source, string topic, string reason, long suppressed, TimeSpan interval);

    [LoggerMessage(EventId = 3033, Level = LogLevel.Warning, Message = "{Source}: channel {Channel} ({Topic}) has had no value for {StaleAfter}; its rows hold NaN until one arrives")]
    public static partial void MqttChannelStale(ILogger logger, string source, string channel, string topic, TimeSpan staleAfter);

    [LoggerMessage(EventId = 3034, Level = LogLevel.Information, Message = "{Source}: channel {Channel} ({Topic}) has values again")]
    public static partial void MqttChannelFresh(ILogger logger, string source, string channel, string topic);

    [LoggerMessage(EventId = 3035, Level = LogLevel.Warning, Message = "{Source}: the reader fell behind; {Dropped} received values dropped so far, oldest first (Sensors:Mqtt:QueueCapacity {Capacity})")]
    public static partial void MqttValuesDropped(ILogger logger, string source, long dropped, int capacity);
}
