using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage;

public sealed partial class EdgeStore
{
    /// <summary>
    /// Brings the store under its cap if it is over: drops sent outbox rows, thins old predictions, drops the oldest
    /// predictions, then the oldest cleared alerts, and gives the freed pages back to the disk. Runs by itself after
    /// a write that leaves the files over the cap.
    /// </summary>
    public RetentionResult EnforceSizeCap()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return RunRetentionLocked(force: false);
        }
    }

    /// <param name="force">After a full disk: free at least a tenth of the used pages even when under the cap.</param>
    private RetentionResult RunRetentionLocked(bool force)
    {
        long cap = _options.SizeCapBytes;
        long before = FileBytesLocked();
        if (!force && before <= cap)
        {
            return new RetentionResult(before, before, 0, 0, 0, 0, UnderCap: true);
        }

        long target = (long)(cap * _options.Retention.TargetFraction);
        if (force)
        {
            long used = UsedBytes();
            target = Math.Min(target, used - (used / 10));
        }

        int chunk = _options.Retention.DeleteChunkRows;
        long outbox = DeleteInChunks(target, "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE state = 1 ORDER BY id LIMIT $n)", chunk);
        long thinned = UsedBytes() > target ? ThinOldPredictions() : 0;
        long dropped = DeleteInChunks(target, "DELETE FROM predictions WHERE id IN (SELECT id FROM predictions ORDER BY id LIMIT $n)", chunk);
        long alerts = DeleteInChunks(target, "DELETE FROM alerts WHERE id IN (SELECT id FROM alerts WHERE state = 2 ORDER BY cleared_ms, id LIMIT $n)", chunk);

        // Freed pages sit on the free list: move them to the end and cut them off, then fold the log into the file and truncate it.
        Execute(_connection, "PRAGMA incremental_vacuum");
        Checkpoint();
        long after = FileBytesLocked();
        var result = new RetentionResult(before, after, outbox, thinned, dropped, alerts, after <= cap);
        if (result.RowsRemoved > 0 || before > cap)
        {
            Log.RetentionRan(_logger, Path, before, after, cap, outbox, thinned, dropped, alerts);
        }

        if (!result.UnderCap)
        {
            Log.StillOverCap(_logger, Path, after, cap);
        }

        return result;
    }

    /// <summary>Keeps every Nth of the not yet thinned predictions older than the thinning age, and marks the kept ones.</summary>
    private long ThinOldPredictions()
    {
        long cutoff = ToMs(_time.GetUtcNow() - _options.Retention.ThinPredictionsOlderThan);
        using SqliteTransaction tx = _connection.BeginTransaction(deferred: false);
        using SqliteCommand thin = Command(
            """
            DELETE FROM predictions WHERE id IN (
                SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM predictions WHERE thinned = 0 AND time_ms < $cutoff)
                WHERE n % $every <> 0)
            """,
            tx);
        thin.Parameters.AddWithValue("$cutoff", cutoff);
        thin.Parameters.AddWithValue("$every", _options.Retention.ThinKeepEvery);
        long removed = thin.ExecuteNonQuery();
        using SqliteCommand mark = Command("UPDATE predictions SET thinned = 1 WHERE thinned = 0 AND time_ms < $cutoff", tx);
        mark.Parameters.AddWithValue("$cutoff", cutoff);
        mark.ExecuteNonQuery();
        tx.Commit();
        return removed;
    }

    private long DeleteInChunks(long target, string sql, int chunk)
    {
        long removed = 0;
        while (UsedBytes() > target)
        {
            using SqliteCommand delete = Command(sql);
            delete.Parameters.AddWithValue("$n", chunk);
            int n = delete.ExecuteNonQuery();
            if (n == 0)
            {
                break;
            }

            removed += n;
        }

        return removed;
    }

    /// <summary>Bytes in pages that hold data: what the file shrinks to once the free pages are given back.</summary>
    private long UsedBytes() =>
        (Scalar(_connection, "PRAGMA page_count") - Scalar(_connection, "PRAGMA freelist_count")) * Scalar(_connection, "PRAGMA page_size");

    private void Checkpoint()
    {
        using SqliteCommand checkpoint = Command("PRAGMA wal_checkpoint(TRUNCATE)");
        using SqliteDataReader r = checkpoint.ExecuteReader();
        while (r.Read())
        {
        }
    }
}
