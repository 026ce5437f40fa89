using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage;

public sealed partial class EdgeStore
{
    /// <summary>The most buckets <see cref="GetTrend"/> gives.</summary>
    public const int MaxTrendBuckets = 10_000;

    /// <summary>
    /// Groups by bucket number over the time index (<c>ix_predictions_time</c>); the range test keeps the scan to
    /// the asked window. Integer division: <c>(time_ms - $from) / $width</c> is the bucket number.
    /// </summary>
    internal const string TrendSql = """
        SELECT (time_ms - $from) / $width AS bucket, count(*), avg(score), min(score), max(score)
        FROM predictions
        WHERE time_ms >= $from AND time_ms < $to
        GROUP BY bucket
        ORDER BY bucket
        """;

    /// <summary>
    /// The prediction scores from <paramref name="from"/> (included) to <paramref name="to"/> (excluded) in
    /// <paramref name="buckets"/> buckets of equal width (the span divided by the count, rounded up to a whole
    /// millisecond), oldest first. Buckets that no prediction fell in are left out.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is not after <paramref name="from"/>, or <paramref name="buckets"/> is not between 1 and <see cref="MaxTrendBuckets"/>.</exception>
    public IReadOnlyList<TrendBucket> GetTrend(DateTimeOffset from, DateTimeOffset to, int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(to, from);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(buckets);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(buckets, MaxTrendBuckets);
        long fromMs = ToMs(from);
        long toMs = ToMs(to);
        long width = Math.Max(1, ((toMs - fromMs) + buckets - 1) / buckets);
        return Read(() =>
        {
            using SqliteCommand query = Command(TrendSql);
            query.Parameters.AddWithValue("$from", fromMs);
            query.Parameters.AddWithValue("$to", toMs);
            query.Parameters.AddWithValue("$width", width);
            using SqliteDataReader r = query.ExecuteReader();
            var list = new List<TrendBucket>();
            while (r.Read())
            {
                list.Add(new TrendBucket(FromMs(fromMs + (r.GetInt64(0) * width)), r.GetInt64(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4)));
            }

            return (IReadOnlyList<TrendBucket>)list;
        });
    }

    /// <summary>The <paramref name="limit"/> most recently raised alerts in any state, newest first.</summary>
    public IReadOnlyList<Alert> GetRecentAlerts(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // The limit is a checked int, so it goes into the text; the id-less query path reads the rows.
        return Read(() => (IReadOnlyList<Alert>)QueryAlerts(Inv($"SELECT {AlertColumns} FROM alerts ORDER BY id DESC LIMIT {limit}"), null));
    }
}
