using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Storage;

/// <summary>
/// The agent's embedded store: one SQLite file in WAL mode holding predictions, alerts, quality counters,
/// model state and the outbox. Every write is one transaction; a write that finds the disk full runs retention
/// and retries once, then throws <see cref="StoreFullException"/>. Thread-safe: calls are serialised on one connection.
/// </summary>
public sealed partial class EdgeStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly StoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SqliteConnection _connection;
    private bool _disposed;

    private EdgeStore(StoreOptions options, TimeProvider time, ILogger logger, SqliteConnection connection, int schemaVersion)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _connection = connection;
        SchemaVersion = schemaVersion;
        SqliteVersion = ScalarText("SELECT sqlite_version()");
    }

    /// <summary>The database file.</summary>
    public string Path => _options.Path;

    /// <summary>The schema version of the open store.</summary>
    public int SchemaVersion { get; }

    /// <summary>The version of the SQLite library in use (bundled or system).</summary>
    public string SqliteVersion { get; }

    /// <summary>The schema version this build creates and understands.</summary>
    public static int LatestSchemaVersion => StoreSchema.LatestVersion;

    /// <summary>
    /// Opens the store at <see cref="StoreOptions.Path"/>, creating it and any missing folder, and brings its schema up to date.
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting is out of range; the message names it.</exception>
    /// <exception cref="StoreSchemaTooNewException">The file was written by a newer agent.</exception>
    /// <exception cref="StoreCorruptException">The file is not a database and the policy is <see cref="CorruptDatabasePolicy.Throw"/>.</exception>
    public static EdgeStore Open(StoreOptions options, TimeProvider? timeProvider = null, ILogger<EdgeStore>? logger = null) =>
        Open(options, timeProvider ?? TimeProvider.System, logger ?? (ILogger)NullLogger.Instance, StoreSchema.Migrations);

    internal static EdgeStore Open(StoreOptions options, TimeProvider time, ILogger logger, IReadOnlyList<StoreMigration> migrations)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptionsResult valid = new StoreOptionsValidator().Validate(null, options);
        if (valid.Failed)
        {
            throw new OptionsValidationException(StoreOptions.SectionName, typeof(StoreOptions), valid.Failures);
        }

        if (options.UseSystemSqlite)
        {
            SqliteNativeLibrary.UseSystem();
        }

        string path = System.IO.Path.GetFullPath(options.Path);
        string? folder = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        try
        {
            return OpenOnce(options, path, time, logger, migrations);
        }
        catch (SqliteException ex) when (IsCorrupt(ex))
        {
            if (options.OnCorrupt == CorruptDatabasePolicy.Throw)
            {
                throw new StoreCorruptException($"The store at '{path}' is not a SQLite database or is damaged: {ex.Message}", ex);
            }

            string aside = MoveAside(path, time);
            Log.MovedAside(logger, path, aside, ex);
            try
            {
                return OpenOnce(options, path, time, logger, migrations);
            }
            catch (SqliteException again) when (IsCorrupt(again))
            {
                throw new StoreCorruptException($"The store at '{path}' is still unreadable after moving the damaged file to '{aside}': {again.Message}", again);
            }
        }
    }

    private static EdgeStore OpenOnce(StoreOptions options, string path, TimeProvider time, ILogger logger, IReadOnlyList<StoreMigration> migrations)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            Configure(connection, options);
            int version = Migrate(connection, path, logger, migrations);
            var store = new EdgeStore(options, time, logger, connection, version);
            Log.Opened(logger, path, store.SqliteVersion, version, options.Durability);
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Configure(SqliteConnection connection, StoreOptions options)
    {
        // auto_vacuum must be chosen before the first table exists; INCREMENTAL lets retention give pages back to the disk.
        if (Scalar(connection, "PRAGMA page_count") == 0)
        {
            Execute(connection, "PRAGMA auto_vacuum = INCREMENTAL");
        }

        string mode = Convert.ToString(new SqliteCommand("PRAGMA journal_mode = WAL", connection).ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
        if (!mode.Equals("wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new StoreException($"The store at '{connection.DataSource}' could not switch to the WAL journal (got '{mode}').");
        }

        string synchronous = options.Durability == StoreDurability.Full ? "FULL" : "NORMAL";
        long walBytes = Math.Clamp(options.SizeCapBytes / 8, 64 * 1024, 4 * 1024 * 1024);
        Execute(connection, $"PRAGMA synchronous = {synchronous}");
        Execute(connection, Inv($"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}"));
        Execute(connection, "PRAGMA foreign_keys = ON");
        Execute(connection, Inv($"PRAGMA journal_size_limit = {walBytes}"));
        Execute(connection, Inv($"PRAGMA wal_autocheckpoint = {Math.Max(16, walBytes / 4096)}"));
        if (options.MaxPageCount is { } pages)
        {
            Execute(connection, Inv($"PRAGMA max_page_count = {pages}"));
        }
    }

    private static int Migrate(SqliteConnection connection, string path, ILogger logger, IReadOnlyList<StoreMigration> migrations)
    {
        int latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        int current = (int)Scalar(connection, "PRAGMA user_version");
        if (current > latest)
        {
            throw new StoreSchemaTooNewException(
                $"The store at '{path}' has schema version {current}, but this agent knows versions up to {latest}: it was written by a newer agent. " +
                "Refusing to open it rather than risk damaging it; run the newer agent, or move the file away to start an empty store.");
        }

        for (int i = 0; i < migrations.Count; i++)
        {
            StoreMigration step = migrations[i];
            if (step.Version != i + 1)
            {
                throw new InvalidOperationException(Inv($"Store migrations must be numbered 1, 2, 3... in order; step {i} has version {step.Version}."));
            }

            if (step.Version <= current)
            {
                continue;
            }

            using (SqliteTransaction tx = connection.BeginTransaction(deferred: false))
            {
                Execute(connection, step.Sql, tx);
                Execute(connection, Inv($"PRAGMA user_version = {step.Version}"), tx);
                tx.Commit();
            }

            current = step.Version;
            Log.Migrated(logger, path, step.Version, step.Description);
        }

        return current;
    }

    private static string MoveAside(string path, TimeProvider time)
    {
        string stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string aside = $"{path}.corrupt-{stamp}";
        for (int n = 1; File.Exists(aside); n++)
        {
            aside = Inv($"{path}.corrupt-{stamp}-{n}");
        }

        File.Move(path, aside);
        if (File.Exists(path + "-wal"))
        {
            File.Move(path + "-wal", aside + "-wal");
        }

        File.Delete(path + "-shm");
        return aside;
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c>; returns "ok" or the problems found, one a line.</summary>
    public string CheckIntegrity()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = new SqliteCommand("PRAGMA integrity_check", _connection);
            using SqliteDataReader reader = command.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read())
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join('\n', lines);
        }
    }

    /// <summary>One number from the open connection (a pragma, a count), for tests.</summary>
    internal long QueryLong(string sql) => Read(() => Scalar(_connection, sql));

    /// <summary>Size of the database file and its write-ahead log, in bytes.</summary>
    public long FileBytes()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return FileBytesLocked();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _connection.Dispose();
        }
    }

    private long FileBytesLocked() => Length(_options.Path) + Length(_options.Path + "-wal");

    private static long Length(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? info.Length : 0;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private string ScalarText(string sql)
    {
        using var command = new SqliteCommand(sql, _connection);
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    internal static long Scalar(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = new SqliteCommand(sql, connection, tx);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    internal static int Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = new SqliteCommand(sql, connection, tx);
        return command.ExecuteNonQuery();
    }

    private static bool IsCorrupt(SqliteException ex) => ex.SqliteErrorCode is SqliteErrors.NotADatabase or SqliteErrors.Corrupt;

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static long ToMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
