using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage;

/// <summary>The SQLite result codes the store tells apart.</summary>
internal static class SqliteErrors
{
    public const int IoError = 10;
    public const int Corrupt = 11;
    public const int Full = 13;
    public const int NotADatabase = 26;

    /// <summary>SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, SQLITE_IOERR_TRUNCATE: how ENOSPC can surface outside SQLITE_FULL.</summary>
    private static readonly int[] WriteIoErrors = [10 | (3 << 8), 10 | (4 << 8), 10 | (6 << 8)];

    /// <summary>True for a full disk or page limit, and for the write errors that a full disk causes.</summary>
    public static bool IsFull(SqliteException ex) =>
        ex.SqliteErrorCode == Full || (ex.SqliteErrorCode == IoError && WriteIoErrors.Contains(ex.SqliteExtendedErrorCode));
}
