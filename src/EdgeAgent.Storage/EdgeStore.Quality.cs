using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage;

public sealed partial class EdgeStore
{
    /// <summary>Adds to quality counters in one transaction, creating the ones that do not exist yet.</summary>
    /// <param name="increments">Channel, kind and how much to add.</param>
    public void IncrementQualityCounters(IReadOnlyList<(string Channel, string Kind, long Delta)> increments)
    {
        ArgumentNullException.ThrowIfNull(increments);
        if (increments.Count == 0)
        {
            return;
        }

        long now = ToMs(_time.GetUtcNow());
        Write("quality counters", tx =>
        {
            using SqliteCommand upsert = Command(
                """
                INSERT INTO quality_counters (channel, kind, count, updated_ms) VALUES ($channel, $kind, $delta, $now)
                ON CONFLICT (channel, kind) DO UPDATE SET count = count + excluded.count, updated_ms = excluded.updated_ms
                """,
                tx);
            SqliteParameter channel = upsert.Parameters.Add("$channel", SqliteType.Text);
            SqliteParameter kind = upsert.Parameters.Add("$kind", SqliteType.Text);
            SqliteParameter delta = upsert.Parameters.Add("$delta", SqliteType.Integer);
            upsert.Parameters.AddWithValue("$now", now);
            foreach ((string c, string k, long d) in increments)
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(c, nameof(increments));
                ArgumentException.ThrowIfNullOrWhiteSpace(k, nameof(increments));
                channel.Value = c;
                kind.Value = k;
                delta.Value = d;
                upsert.ExecuteNonQuery();
            }

            return 0;
        });
    }

    /// <summary>Adds one to a quality counter.</summary>
    public void IncrementQualityCounter(string channel, string kind, long delta = 1) =>
        IncrementQualityCounters([(channel, kind, delta)]);

    /// <summary>Every quality counter, by channel then kind.</summary>
    public IReadOnlyList<QualityCounter> GetQualityCounters() => Read(() =>
    {
        using SqliteCommand query = Command("SELECT channel, kind, count, updated_ms FROM quality_counters ORDER BY channel, kind");
        using SqliteDataReader r = query.ExecuteReader();
        var list = new List<QualityCounter>();
        while (r.Read())
        {
            list.Add(new QualityCounter(r.GetString(0), r.GetString(1), r.GetInt64(2), FromMs(r.GetInt64(3))));
        }

        return (IReadOnlyList<QualityCounter>)list;
    });
}
