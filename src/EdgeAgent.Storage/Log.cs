using Microsoft.Extensions.Logging;

namespace EdgeAgent.Storage;

/// <summary>Store log messages; event ids 4000-4099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Store {Path} open: SQLite {SqliteVersion}, schema version {SchemaVersion}, journal WAL, synchronous {Durability}")]
    public static partial void Opened(ILogger logger, string path, string sqliteVersion, int schemaVersion, StoreDurability durability);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Store {Path}: migrated to schema version {Version} ({Description})")]
    public static partial void Migrated(ILogger logger, string path, int version, string description);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Store {Path} is not a database or is damaged; moved it aside to {AsidePath} and started an empty store")]
    public static partial void MovedAside(ILogger logger, string path, string asidePath, Exception exception);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Store {Path} over its cap: {BytesBefore} -> {BytesAfter} bytes (cap {Cap}); dropped {Outbox} sent outbox rows, thinned {Thinned} and dropped {Dropped} predictions, dropped {Alerts} cleared alerts")]
    public static partial void RetentionRan(ILogger logger, string path, long bytesBefore, long bytesAfter, long cap, long outbox, long thinned, long dropped, long alerts);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Store {Path} is still over its cap after retention: {Bytes} bytes (cap {Cap}); only open alerts, unsent outbox rows and state are left")]
    public static partial void StillOverCap(ILogger logger, string path, long bytes, long cap);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Store {Path} full while writing {What}; running retention and retrying once")]
    public static partial void FullRetrying(ILogger logger, string path, string what, Exception exception);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "Store {Path} full: {What} not written")]
    public static partial void FullGaveUp(ILogger logger, string path, string what, Exception exception);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "Store {Path}: retention after a write failed; the write itself is committed")]
    public static partial void RetentionFailed(ILogger logger, string path, Exception exception);
}
