namespace EdgeAgent.Storage;

/// <summary>Where the store lives and how big it may grow. Bound from the <c>Store</c> configuration section.</summary>
public sealed class StoreOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Store";

    /// <summary>Path of the SQLite database file; its <c>-wal</c> and <c>-shm</c> files lie beside it. Required.</summary>
    public string Path { get; set; } = "";

    /// <summary>
    /// Most bytes the database and its write-ahead log may take together before retention runs.
    /// Default 256 MiB. Range 64 KiB to 1 TiB.
    /// </summary>
    public long SizeCapBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>What is dropped, and in which order, when the store grows past <see cref="SizeCapBytes"/>.</summary>
    public RetentionOptions Retention { get; set; } = new();

    /// <summary>
    /// How hard each commit is pushed to disk. Default <see cref="StoreDurability.Full"/>: field devices lose
    /// power, and a row reported committed must survive that, not only a crash of the agent.
    /// </summary>
    public StoreDurability Durability { get; set; } = StoreDurability.Full;

    /// <summary>
    /// What to do when the file is not a database or is damaged. Default <see cref="CorruptDatabasePolicy.MoveAsideAndRecreate"/>,
    /// so that the agent keeps serving; the damaged file is kept as <c>&lt;path&gt;.corrupt-&lt;timestamp&gt;</c>.
    /// </summary>
    public CorruptDatabasePolicy OnCorrupt { get; set; } = CorruptDatabasePolicy.MoveAsideAndRecreate;

    /// <summary>How long a write waits for a lock held by another connection. Default 5 s. Range 0 to 10 min.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Hard ceiling on the database's pages (<c>PRAGMA max_page_count</c>); a write beyond it fails as a full disk
    /// does and goes through the same policy. Default null: SQLite's own limit. Range 16 to 2^32-2 when set.
    /// </summary>
    public long? MaxPageCount { get; set; }

    /// <summary>
    /// Use the system's <c>libsqlite3.so.0</c> instead of the bundled <c>e_sqlite3</c> (for images whose glibc
    /// is older than the bundled library needs, such as JetPack 5). Process-wide: it must be chosen before the
    /// first SQLite call of the process. Default false.
    /// </summary>
    public bool UseSystemSqlite { get; set; }
}
