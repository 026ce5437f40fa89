using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage;

public sealed partial class EdgeStore
{
    /// <summary>
    /// Runs <paramref name="work"/> in one immediate transaction. On a full disk: roll back, run retention, retry once,
    /// then throw <see cref="StoreFullException"/>. After a commit, runs retention if the files have grown past the cap.
    /// </summary>
    private T Write<T>(string what, Func<SqliteTransaction, T> work)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            T result;
            try
            {
                result = InTransaction(work);
            }
            catch (SqliteException full) when (SqliteErrors.IsFull(full))
            {
                Log.FullRetrying(_logger, Path, what, full);
                try
                {
                    RunRetentionLocked(force: true);
                    result = InTransaction(work);
                }
                catch (SqliteException again) when (SqliteErrors.IsFull(again))
                {
                    Log.FullGaveUp(_logger, Path, what, again);
                    throw new StoreFullException(
                        $"The store at '{Path}' is full ({again.Message}); retention could not free room for the {what}, which was not written.", again);
                }
            }
            catch (SqliteException corrupt) when (IsCorrupt(corrupt))
            {
                throw new StoreCorruptException($"The store at '{Path}' is damaged: {corrupt.Message}", corrupt);
            }

            EnforceCapAfterWrite();
            return result;
        }
    }

    private T InTransaction<T>(Func<SqliteTransaction, T> work)
    {
        using SqliteTransaction tx = _connection.BeginTransaction(deferred: false);
        T result = work(tx);
        tx.Commit();
        return result;
    }

    private void EnforceCapAfterWrite()
    {
        if (FileBytesLocked() <= _options.SizeCapBytes)
        {
            return;
        }

        try
        {
            RunRetentionLocked(force: false);
        }
        catch (SqliteException ex) when (SqliteErrors.IsFull(ex))
        {
            Log.RetentionFailed(_logger, Path, ex);
        }
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null) => new(sql, _connection, tx);

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            try
            {
                return read();
            }
            catch (SqliteException corrupt) when (IsCorrupt(corrupt))
            {
                throw new StoreCorruptException($"The store at '{Path}' is damaged: {corrupt.Message}", corrupt);
            }
        }
    }
}
