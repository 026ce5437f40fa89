using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage;

public sealed partial class EdgeStore
{
    /// <summary>Queues a message on <paramref name="stream"/> with the stream's next sequence number (1, 2, 3..., no gaps).</summary>
    public OutboxMessage Enqueue(string stream, ReadOnlyMemory<byte> payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        DateTimeOffset now = _time.GetUtcNow();
        byte[] bytes = payload.ToArray();
        return Write("outbox message", tx =>
        {
            using SqliteCommand next = Command(
                "INSERT INTO outbox_streams (stream, last_seq) VALUES ($stream, 1) ON CONFLICT (stream) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq",
                tx);
            next.Parameters.AddWithValue("$stream", stream);
            long seq = (long)next.ExecuteScalar()!;
            using SqliteCommand insert = Command(
                "INSERT INTO outbox (stream, seq, payload, created_ms) VALUES ($stream, $seq, $payload, $now) RETURNING id", tx);
            insert.Parameters.AddWithValue("$stream", stream);
            insert.Parameters.AddWithValue("$seq", seq);
            insert.Parameters.Add("$payload", SqliteType.Blob).Value = bytes;
            insert.Parameters.AddWithValue("$now", ToMs(now));
            long id = (long)insert.ExecuteScalar()!;
            return new OutboxMessage(id, stream, seq, bytes, OutboxState.Pending, 0, now, null);
        });
    }

    /// <summary>Pending messages, oldest first, of one stream or of all when <paramref name="stream"/> is null.</summary>
    public IReadOnlyList<OutboxMessage> GetPendingOutbox(string? stream = null, int limit = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Read(() =>
        {
            using SqliteCommand query = Command(
                "SELECT id, stream, seq, payload, state, send_count, created_ms, last_attempt_ms FROM outbox " +
                "WHERE state = 0 AND ($stream IS NULL OR stream = $stream) ORDER BY id LIMIT $limit");
            query.Parameters.AddWithValue("$stream", (object?)stream ?? DBNull.Value);
            query.Parameters.AddWithValue("$limit", limit);
            return ReadOutbox(query);
        });
    }

    /// <summary>Counts a hand-over to the broker now. False when there is no such pending message.</summary>
    public bool RecordOutboxAttempt(long id) =>
        ChangeOutbox(id, "UPDATE outbox SET send_count = send_count + 1, last_attempt_ms = $now WHERE id = $id AND state = 0");

    /// <summary>Marks a message acknowledged by the broker; retention may then drop it. False when there is no such pending message.</summary>
    public bool MarkOutboxSent(long id) =>
        ChangeOutbox(id, "UPDATE outbox SET state = 1 WHERE id = $id AND state = 0");

    /// <summary>How many messages are pending.</summary>
    public long CountPendingOutbox() => Read(() => Scalar(_connection, "SELECT count(*) FROM outbox WHERE state = 0"));

    private bool ChangeOutbox(long id, string sql)
    {
        long now = ToMs(_time.GetUtcNow());
        return Write("outbox change", tx =>
        {
            using SqliteCommand update = Command(sql, tx);
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$now", now);
            return update.ExecuteNonQuery() == 1;
        });
    }
}
