using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage;

// Feeding the outbox in one transaction with the state that says what was fed: a message built from its own sequence
// number, prediction batches read after a cursor, alert changes found by comparing with what was queued before. The
// cursors live in the model_state table under keys the caller chooses, so a kill -9 leaves either both or neither.
public sealed partial class EdgeStore
{
    /// <summary>
    /// Queues a message on <paramref name="stream"/> whose payload depends on its sequence number: <paramref name="build"/>
    /// runs inside the transaction, under the store's lock, with the stream's next number (and again if a full disk makes
    /// the store retry), so it must be quick and have no side effects.
    /// </summary>
    /// <exception cref="StoreFullException">The disk is full and retention could not make room.</exception>
    public OutboxMessage Enqueue(string stream, Func<long, ReadOnlyMemory<byte>> build)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentNullException.ThrowIfNull(build);
        DateTimeOffset now = _time.GetUtcNow();
        return Write("outbox message", tx => InsertOutbox(tx, stream, now, build));
    }

    /// <summary>
    /// Reads up to <paramref name="maxCount"/> predictions stored after the cursor kept under <paramref name="cursorKey"/>
    /// and, when there are any, queues one message built from them on <paramref name="stream"/> and moves the cursor past
    /// the last of them, all in one transaction: a prediction is either still after the cursor or in the outbox.
    /// <paramref name="build"/> gets the message's sequence number and the predictions, oldest first; it runs as in
    /// <see cref="Enqueue(string, Func{long, ReadOnlyMemory{byte}})"/>.
    /// </summary>
    /// <returns>The queued message and how many predictions it carries, or null when no prediction is after the cursor.</returns>
    public (OutboxMessage Message, int Count)? EnqueuePredictionBatch(
        string stream, string cursorKey, int maxCount, Func<long, IReadOnlyList<Prediction>, ReadOnlyMemory<byte>> build)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(cursorKey);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        ArgumentNullException.ThrowIfNull(build);
        DateTimeOffset now = _time.GetUtcNow();
        return Write("prediction batch message", tx =>
        {
            long cursor = ReadCursor(tx, cursorKey);
            List<Prediction> batch = QueryPredictions(tx, cursor, maxCount);
            if (batch.Count == 0)
            {
                return ((OutboxMessage, int)?)null;
            }

            OutboxMessage message = InsertOutbox(tx, stream, now, seq => build(seq, batch));
            WriteState(tx, cursorKey, batch[^1].Id.ToString(CultureInfo.InvariantCulture), now);
            return (message, batch.Count);
        });
    }

    /// <summary>How many predictions are stored after the cursor kept under <paramref name="cursorKey"/>, counting at most <paramref name="limit"/>.</summary>
    public long CountPredictionsAfterCursor(string cursorKey, long limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cursorKey);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Read(() =>
        {
            long cursor = ReadCursor(null, cursorKey);
            using SqliteCommand count = Command("SELECT count(*) FROM (SELECT 1 FROM predictions WHERE id > $after LIMIT $limit)");
            count.Parameters.AddWithValue("$after", cursor);
            count.Parameters.AddWithValue("$limit", limit);
            return (long)count.ExecuteScalar()!;
        });
    }

    /// <summary>
    /// Compares the alerts with what was queued for them before (kept under <paramref name="stateKey"/>) and queues one
    /// message on <paramref name="stream"/> for each alert that is new or whose state moved on (raised, acknowledged,
    /// cleared), oldest alert first, in one transaction with the new comparison state. An alert that went through several
    /// states between two calls gets one message, built from its latest row (which holds every time stamp).
    /// </summary>
    /// <returns>The queued messages; empty when nothing changed.</returns>
    public IReadOnlyList<OutboxMessage> EnqueueAlertChanges(string stream, string stateKey, Func<long, Alert, ReadOnlyMemory<byte>> build)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(stateKey);
        ArgumentNullException.ThrowIfNull(build);
        if (Read(() => FindAlertChanges(null, stateKey).Changed.Count) == 0)
        {
            return [];
        }

        DateTimeOffset now = _time.GetUtcNow();
        return Write("alert change messages", tx =>
        {
            (List<Alert> changed, string state) = FindAlertChanges(tx, stateKey);
            var queued = new List<OutboxMessage>(changed.Count);
            foreach (Alert alert in changed)
            {
                queued.Add(InsertOutbox(tx, stream, now, seq => build(seq, alert)));
            }

            WriteState(tx, stateKey, state, now);
            return (IReadOnlyList<OutboxMessage>)queued;
        });
    }

    /// <summary>Every stream that ever had a message, in name order.</summary>
    public IReadOnlyList<string> GetOutboxStreams() => Read(() =>
    {
        using SqliteCommand query = Command("SELECT stream FROM outbox_streams ORDER BY stream");
        using SqliteDataReader r = query.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return (IReadOnlyList<string>)list;
    });

    /// <summary>Pending messages of <paramref name="stream"/> with a sequence number above <paramref name="afterSequence"/>, in sequence order.</summary>
    public IReadOnlyList<OutboxMessage> GetPendingOutboxAfter(string stream, long afterSequence, int limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Read(() =>
        {
            using SqliteCommand query = Command(
                "SELECT id, stream, seq, payload, state, send_count, created_ms, last_attempt_ms FROM outbox " +
                "WHERE stream = $stream AND seq > $after AND state = 0 ORDER BY seq LIMIT $limit");
            query.Parameters.AddWithValue("$stream", stream);
            query.Parameters.AddWithValue("$after", afterSequence);
            query.Parameters.AddWithValue("$limit", limit);
            return ReadOutbox(query);
        });
    }

    /// <summary>How many messages of <paramref name="stream"/> are pending.</summary>
    public long CountPendingOutbox(string stream)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        return Read(() =>
        {
            using SqliteCommand count = Command("SELECT count(*) FROM outbox WHERE state = 0 AND stream = $stream");
            count.Parameters.AddWithValue("$stream", stream);
            return (long)count.ExecuteScalar()!;
        });
    }

    /// <summary>
    /// Records many hand-overs to the broker and many acknowledgements in one transaction (one disk sync for all), and
    /// optionally a state value under <paramref name="stateKey"/> with them. Ids that are not pending are skipped.
    /// </summary>
    /// <exception cref="StoreFullException">The disk is full and retention could not make room.</exception>
    public void RecordOutboxProgress(IReadOnlyCollection<long> attempted, IReadOnlyCollection<long> sent, string? stateKey = null, string? stateValue = null)
    {
        ArgumentNullException.ThrowIfNull(attempted);
        ArgumentNullException.ThrowIfNull(sent);
        if (stateKey is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(stateKey);
            ArgumentNullException.ThrowIfNull(stateValue);
        }

        DateTimeOffset now = _time.GetUtcNow();
        Write("outbox progress", tx =>
        {
            RunForEach(tx, "UPDATE outbox SET send_count = send_count + 1, last_attempt_ms = $now WHERE id = $id AND state = 0", attempted, ToMs(now));
            RunForEach(tx, "UPDATE outbox SET state = 1 WHERE id = $id AND state = 0", sent, ToMs(now));
            if (stateKey is not null)
            {
                WriteState(tx, stateKey, stateValue!, now);
            }

            return 0;
        });
    }

    private void RunForEach(SqliteTransaction tx, string sql, IReadOnlyCollection<long> ids, long nowMs)
    {
        if (ids.Count == 0)
        {
            return;
        }

        using SqliteCommand update = Command(sql, tx);
        SqliteParameter id = update.Parameters.Add("$id", SqliteType.Integer);
        update.Parameters.AddWithValue("$now", nowMs);
        update.Prepare();
        foreach (long value in ids)
        {
            id.Value = value;
            update.ExecuteNonQuery();
        }
    }

    private OutboxMessage InsertOutbox(SqliteTransaction tx, string stream, DateTimeOffset now, Func<long, ReadOnlyMemory<byte>> build)
    {
        using SqliteCommand next = Command(
            "INSERT INTO outbox_streams (stream, last_seq) VALUES ($stream, 1) ON CONFLICT (stream) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq",
            tx);
        next.Parameters.AddWithValue("$stream", stream);
        long seq = (long)next.ExecuteScalar()!;
        byte[] bytes = build(seq).ToArray();
        using SqliteCommand insert = Command(
            "INSERT INTO outbox (stream, seq, payload, created_ms) VALUES ($stream, $seq, $payload, $now) RETURNING id", tx);
        insert.Parameters.AddWithValue("$stream", stream);
        insert.Parameters.AddWithValue("$seq", seq);
        insert.Parameters.Add("$payload", SqliteType.Blob).Value = bytes;
        insert.Parameters.AddWithValue("$now", ToMs(now));
        long id = (long)insert.ExecuteScalar()!;
        return new OutboxMessage(id, stream, seq, bytes, OutboxState.Pending, 0, now, null);
    }

    private List<Prediction> QueryPredictions(SqliteTransaction? tx, long afterId, int limit)
    {
        using SqliteCommand query = Command(
            "SELECT id, time_ms, model_version, window_id, score, values_json, quality_flags, thinned FROM predictions WHERE id > $after ORDER BY id LIMIT $limit",
            tx);
        query.Parameters.AddWithValue("$after", afterId);
        query.Parameters.AddWithValue("$limit", limit);
        using SqliteDataReader r = query.ExecuteReader();
        var list = new List<Prediction>(Math.Min(limit, 4096));
        while (r.Read())
        {
            list.Add(new Prediction(r.GetInt64(0), FromMs(r.GetInt64(1)), r.GetString(2), r.GetInt64(3), r.GetDouble(4), r.GetString(5), r.GetInt32(6), r.GetInt64(7) != 0));
        }

        return list;
    }

    private static IReadOnlyList<OutboxMessage> ReadOutbox(SqliteCommand query)
    {
        using SqliteDataReader r = query.ExecuteReader();
        var list = new List<OutboxMessage>();
        while (r.Read())
        {
            list.Add(new OutboxMessage(
                r.GetInt64(0),
                r.GetString(1),
                r.GetInt64(2),
                (byte[])r.GetValue(3),
                (OutboxState)r.GetInt32(4),
                r.GetInt32(5),
                FromMs(r.GetInt64(6)),
                r.IsDBNull(7) ? null : FromMs(r.GetInt64(7))));
        }

        return list;
    }

    /// <summary>A cursor kept as a decimal id in model_state; 0 when there is none.</summary>
    private long ReadCursor(SqliteTransaction? tx, string key) =>
        long.TryParse(ReadState(tx, key), NumberStyles.None, CultureInfo.InvariantCulture, out long cursor) ? cursor : 0;

    private string? ReadState(SqliteTransaction? tx, string key)
    {
        using SqliteCommand query = Command("SELECT value FROM model_state WHERE key = $key", tx);
        query.Parameters.AddWithValue("$key", key);
        return query.ExecuteScalar() as string;
    }

    private void WriteState(SqliteTransaction tx, string key, string value, DateTimeOffset now)
    {
        using SqliteCommand upsert = Command(
            "INSERT INTO model_state (key, value, version, updated_ms) VALUES ($key, $value, 1, $now) " +
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = version + 1, updated_ms = excluded.updated_ms",
            tx);
        upsert.Parameters.AddWithValue("$key", key);
        upsert.Parameters.AddWithValue("$value", value);
        upsert.Parameters.AddWithValue("$now", ToMs(now));
        upsert.ExecuteNonQuery();
    }

    /// <summary>
    /// The alerts that changed since the state under <paramref name="stateKey"/> was written, and the state to write next.
    /// The state is "highest alert id seen;id:state,id:state..." for the alerts last reported open (states only move on:
    /// raised, acknowledged, cleared). A reported alert that is gone (dropped by retention) is forgotten.
    /// </summary>
    private (List<Alert> Changed, string State) FindAlertChanges(SqliteTransaction? tx, string stateKey)
    {
        (long cursor, Dictionary<long, AlertState> open) = ParseAlertState(ReadState(tx, stateKey));
        var sql = new StringBuilder($"SELECT {AlertColumns} FROM alerts WHERE id > $cursor");
        if (open.Count > 0)
        {
            sql.Append(" OR id IN (").AppendJoin(',', open.Keys.Select(id => id.ToString(CultureInfo.InvariantCulture))).Append(')');
        }

        sql.Append(" ORDER BY id");
        using SqliteCommand query = Command(sql.ToString(), tx);
        query.Parameters.AddWithValue("$cursor", cursor);
        var changed = new List<Alert>();
        var nextOpen = new SortedDictionary<long, AlertState>();
        long nextCursor = cursor;
        foreach (Alert alert in ReadAlerts(query))
        {
            bool known = open.TryGetValue(alert.Id, out AlertState reported);
            if (alert.Id > cursor || !known || reported != alert.State)
            {
                changed.Add(alert);
            }

            if (alert.IsOpen)
            {
                nextOpen[alert.Id] = alert.State;
            }

            nextCursor = Math.Max(nextCursor, alert.Id);
        }

        string state = string.Create(CultureInfo.InvariantCulture, $"{nextCursor};") +
            string.Join(',', nextOpen.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}:{(int)p.Value}")));
        return (changed, state);
    }

    private static (long Cursor, Dictionary<long, AlertState> Open) ParseAlertState(string? text)
    {
        var open = new Dictionary<long, AlertState>();
        if (string.IsNullOrEmpty(text))
        {
            return (0, open);
        }

        string[] parts = text.Split(';', 2);
        long cursor = long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long c) ? c : 0;
        if (parts.Length == 2)
        {
            foreach (string pair in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] idState = pair.Split(':');
                if (idState.Length == 2
                    && long.TryParse(idState[0], NumberStyles.None, CultureInfo.InvariantCulture, out long id)
                    && int.TryParse(idState[1], NumberStyles.None, CultureInfo.InvariantCulture, out int state))
                {
                    open[id] = (AlertState)state;
                }
            }
        }

        return (cursor, open);
    }

    private static List<Alert> ReadAlerts(SqliteCommand query)
    {
        using SqliteDataReader r = query.ExecuteReader();
        var list = new List<Alert>();
        while (r.Read())
        {
            list.Add(new Alert(
                r.GetInt64(0),
                r.GetString(1),
                (AlertSeverity)r.GetInt32(2),
                (AlertState)r.GetInt32(3),
                r.GetString(4),
                FromMs(r.GetInt64(5)),
                r.IsDBNull(6) ? null : FromMs(r.GetInt64(6)),
                r.IsDBNull(7) ? null : FromMs(r.GetInt64(7))));
        }

        return list;
    }
}
