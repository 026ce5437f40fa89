using EdgeAgent.TestKit;
using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage.Tests;

/// <summary>A temporary folder for real SQLite files, removed on dispose, and helpers to open stores in it.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Folder = Directory.CreateTempSubdirectory("edgeagent-store-").FullName;
        DbPath = Path.Combine(Folder, "store.db");
        Clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    }

    public string Folder { get; }

    public string DbPath { get; }

    public ManualTimeProvider Clock { get; }

    public ListLogger Logger { get; } = new();

    public StoreOptions Options(Action<StoreOptions>? change = null)
    {
        var options = new StoreOptions { Path = DbPath };
        change?.Invoke(options);
        return options;
    }

    public EdgeStore Open(Action<StoreOptions>? change = null) =>
        EdgeStore.Open(Options(change), Clock, Logger, StoreSchema.Migrations);

    /// <summary>A plain connection beside the store, for looking at the file as SQLite sees it.</summary>
    public SqliteConnection Raw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on this platform; the temp folder is cleaned by the OS later
        }
    }
}
