using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage;

public sealed partial class EdgeStore
{
    private const string AlertColumns = "id, rule, severity, state, text, raised_ms, acknowledged_ms, cleared_ms";

    /// <summary>Raises an alert now; returns its id.</summary>
    public long RaiseAlert(string rule, AlertSeverity severity, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        ArgumentNullException.ThrowIfNull(text);
        long now = ToMs(_time.GetUtcNow());
        return Write("alert", tx =>
        {
            using SqliteCommand insert = Command(
                "INSERT INTO alerts (rule, severity, state, text, raised_ms) VALUES ($rule, $severity, 0, $text, $now) RETURNING id", tx);
            insert.Parameters.AddWithValue("$rule", rule);
            insert.Parameters.AddWithValue("$severity", (int)severity);
            insert.Parameters.AddWithValue("$text", text);
            insert.Parameters.AddWithValue("$now", now);
            return (long)insert.ExecuteScalar()!;
        });
    }

    /// <summary>Marks a raised alert acknowledged now. False when there is no such alert or it is not in the raised state.</summary>
    public bool AcknowledgeAlert(long id) =>
        ChangeAlert(id, "UPDATE alerts SET state = 1, acknowledged_ms = $now WHERE id = $id AND state = 0");

    /// <summary>Clears an open alert now. False when there is no such alert or it is already cleared.</summary>
    public bool ClearAlert(long id) =>
        ChangeAlert(id, "UPDATE alerts SET state = 2, cleared_ms = $now WHERE id = $id AND state IN (0, 1)");

    /// <summary>The alert with this id, or null.</summary>
    public Alert? GetAlert(long id) => Read(() => QueryAlerts($"SELECT {AlertColumns} FROM alerts WHERE id = $id", id).FirstOrDefault());

    /// <summary>Every raised or acknowledged alert, oldest first.</summary>
    public IReadOnlyList<Alert> GetOpenAlerts() => Read(() => QueryAlerts($"SELECT {AlertColumns} FROM alerts WHERE state IN (0, 1) ORDER BY id", null));

    /// <summary>How many alerts are stored, open or cleared.</summary>
    public long CountAlerts() => Read(() => Scalar(_connection, "SELECT count(*) FROM alerts"));

    private bool ChangeAlert(long id, string sql)
    {
        long now = ToMs(_time.GetUtcNow());
        return Write("alert change", tx =>
        {
            using SqliteCommand update = Command(sql, tx);
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$now", now);
            return update.ExecuteNonQuery() == 1;
        });
    }

    private List<Alert> QueryAlerts(string sql, long? id)
    {
        using SqliteCommand query = Command(sql);
        if (id is { } value)
        {
            query.Parameters.AddWithValue("$id", value);
        }

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
