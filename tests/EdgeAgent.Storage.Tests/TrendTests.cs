using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage.Tests;

public sealed class TrendTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private static NewPrediction At(DateTimeOffset time, double score, long window = 1) => new(time, "m-1", window, score, "{}", 0);

    [Fact]
    public void GetTrend_ScoresInSeveralBuckets_GivesCountMeanMinMaxPerBucket()
    {
        using EdgeStore store = _temp.Open();
        DateTimeOffset from = _temp.Clock.GetUtcNow();
        // 4 buckets of 10 minutes; bucket 0: 1, 3; bucket 1: none; bucket 2: 2, 4, 9; bucket 3: 5.
        store.AddPredictions(
        [
            At(from.AddMinutes(1), 1),
            At(from.AddMinutes(9), 3),
            At(from.AddMinutes(20), 2),
            At(from.AddMinutes(25), 4),
            At(from.AddMinutes(29.5), 9),
            At(from.AddMinutes(39), 5),
        ]);

        IReadOnlyList<TrendBucket> trend = store.GetTrend(from, from.AddMinutes(40), 4);

        Assert.Equal(
            [
                new TrendBucket(from, 2, 2, 1, 3),
                new TrendBucket(from.AddMinutes(20), 3, 5, 2, 9),
                new TrendBucket(from.AddMinutes(30), 1, 5, 5, 5),
            ],
            trend);
    }

    [Fact]
    public void GetTrend_RowsOnTheEdges_IncludesFromAndExcludesTo()
    {
        using EdgeStore store = _temp.Open();
        DateTimeOffset from = _temp.Clock.GetUtcNow();
        DateTimeOffset to = from.AddHours(1);
        store.AddPredictions([At(from.AddMilliseconds(-1), 100), At(from, 1), At(to.AddMilliseconds(-1), 2), At(to, 200)]);

        IReadOnlyList<TrendBucket> trend = store.GetTrend(from, to, 1);

        TrendBucket only = Assert.Single(trend);
        Assert.Equal(from, only.Start);
        Assert.Equal(2, only.Count);
        Assert.Equal(2, only.Max);
        Assert.Equal(1, only.Min);
    }

    [Fact]
    public void GetTrend_SpanNotDivisibleByBuckets_RoundsWidthUpAndStaysWithinBucketCount()
    {
        using EdgeStore store = _temp.Open();
        DateTimeOffset from = _temp.Clock.GetUtcNow();
        DateTimeOffset to = from.AddMilliseconds(1000);
        store.AddPredictions([.. Enumerable.Range(0, 1000).Select(i => At(from.AddMilliseconds(i), i, i))]);

        // 1000 ms in 3 buckets: width 334 ms -> [0, 334), [334, 668), [668, 1000).
        IReadOnlyList<TrendBucket> trend = store.GetTrend(from, to, 3);

        Assert.Equal([from, from.AddMilliseconds(334), from.AddMilliseconds(668)], trend.Select(b => b.Start));
        Assert.Equal([334L, 334L, 332L], trend.Select(b => b.Count));
        Assert.Equal([333.0, 667.0, 999.0], trend.Select(b => b.Max));
    }

    [Fact]
    public void GetTrend_NoPredictionsInRange_IsEmpty()
    {
        using EdgeStore store = _temp.Open();
        DateTimeOffset now = _temp.Clock.GetUtcNow();
        store.AddPredictions([At(now.AddHours(-3), 1)]);

        Assert.Empty(store.GetTrend(now.AddHours(-1), now, 300));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-60, 10)]
    [InlineData(60, 0)]
    [InlineData(60, -1)]
    [InlineData(60, EdgeStore.MaxTrendBuckets + 1)]
    public void GetTrend_BadRangeOrBucketCount_Throws(int spanSeconds, int buckets)
    {
        using EdgeStore store = _temp.Open();
        DateTimeOffset from = _temp.Clock.GetUtcNow();

        Assert.Throws<ArgumentOutOfRangeException>(() => store.GetTrend(from, from.AddSeconds(spanSeconds), buckets));
    }

    [Fact]
    public void GetTrend_Query_SearchesTheTimeIndex()
    {
        using (EdgeStore store = _temp.Open())
        {
            store.AddPredictions(Predictions.Batch(_temp.Clock.GetUtcNow(), 10));
        }

        using SqliteConnection raw = _temp.Raw();
        using var explain = new SqliteCommand("EXPLAIN QUERY PLAN " + EdgeStore.TrendSql, raw);
        explain.Parameters.AddWithValue("$from", 0L);
        explain.Parameters.AddWithValue("$to", 1000L);
        explain.Parameters.AddWithValue("$width", 10L);
        using SqliteDataReader r = explain.ExecuteReader();
        var plan = new List<string>();
        while (r.Read())
        {
            plan.Add(r.GetString(3));
        }

        Assert.Contains(plan, step => step.Contains("USING INDEX ix_predictions_time", StringComparison.Ordinal));
    }

    [Fact]
    public void GetRecentAlerts_MoreAlertsThanLimit_GivesNewestFirstInAnyState()
    {
        using EdgeStore store = _temp.Open();
        long first = store.RaiseAlert("r1", AlertSeverity.Info, "one");
        long second = store.RaiseAlert("r2", AlertSeverity.Warning, "two");
        long third = store.RaiseAlert("r3", AlertSeverity.Critical, "three");
        long fourth = store.RaiseAlert("r4", AlertSeverity.Critical, "four");
        store.ClearAlert(third);
        store.AcknowledgeAlert(fourth);

        IReadOnlyList<Alert> recent = store.GetRecentAlerts(3);

        Assert.Equal([fourth, third, second], recent.Select(a => a.Id));
        Assert.Equal([AlertState.Acknowledged, AlertState.Cleared, AlertState.Raised], recent.Select(a => a.State));
        Assert.Equal("three", recent[1].Text);
        Assert.NotNull(recent[1].ClearedAt);
        Assert.DoesNotContain(first, recent.Select(a => a.Id));
    }

    [Fact]
    public void GetRecentAlerts_NoAlerts_IsEmpty()
    {
        using EdgeStore store = _temp.Open();

        Assert.Empty(store.GetRecentAlerts(10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void GetRecentAlerts_LimitNotPositive_Throws(int limit)
    {
        using EdgeStore store = _temp.Open();

        Assert.Throws<ArgumentOutOfRangeException>(() => store.GetRecentAlerts(limit));
    }
}
