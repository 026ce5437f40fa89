using System.Diagnostics;
using System.Globalization;

namespace EdgeAgent.Storage.Tests;

public sealed class EdgeStoreTableTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly ITestOutputHelper _output;

    public EdgeStoreTableTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void AddPredictions_Batch_RoundTripsEveryColumnWithConsecutiveIds()
    {
        using EdgeStore store = _temp.Open();
        DateTimeOffset start = _temp.Clock.GetUtcNow();
        NewPrediction[] batch = Predictions.Batch(start, 5, firstWindow: 100);

        IdRange ids = store.AddPredictions(batch);
        IReadOnlyList<Prediction> stored = store.GetPredictions();

        Assert.Equal(5, ids.Count);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => ids.FirstId + i), stored.Select(p => p.Id));
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(batch[i].Time, stored[i].Time);
            Assert.Equal(batch[i].ModelVersion, stored[i].ModelVersion);
            Assert.Equal(batch[i].WindowId, stored[i].WindowId);
            Assert.Equal(batch[i].Score, stored[i].Score);
            Assert.Equal(batch[i].ValuesJson, stored[i].ValuesJson);
            Assert.Equal(batch[i].QualityFlags, stored[i].QualityFlags);
            Assert.False(stored[i].Thinned);
        }
    }

    [Fact]
    public void AddPredictions_BadRowInBatch_WritesNoneOfTheBatch()
    {
        using EdgeStore store = _temp.Open();
        NewPrediction[] batch = Predictions.Batch(_temp.Clock.GetUtcNow(), 4);
        batch[3] = null!;

        Assert.Throws<ArgumentException>(() => store.AddPredictions(batch));

        Assert.Equal(0, store.CountPredictions());
    }

    [Fact]
    public void AddPredictions_LargeBatches_ReportsRowsPerSecond()
    {
        using EdgeStore store = _temp.Open();
        const int batches = 100;
        const int perBatch = 500;
        DateTimeOffset start = _temp.Clock.GetUtcNow();
        store.AddPredictions(Predictions.Batch(start, perBatch)); // warm up

        long began = Stopwatch.GetTimestamp();
        for (int b = 0; b < batches; b++)
        {
            store.AddPredictions(Predictions.Batch(start.AddHours(b), perBatch, firstWindow: (b * perBatch) + 1));
        }

        TimeSpan took = Stopwatch.GetElapsedTime(began);
        double rate = batches * perBatch / took.TotalSeconds;
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"insert throughput: {batches * perBatch} rows in {batches} transactions of {perBatch} (synchronous=FULL) in {took.TotalMilliseconds:F0} ms = {rate:F0} rows/s"));
        Assert.Equal((batches + 1) * perBatch, store.CountPredictions());
    }

    [Fact]
    public void Alerts_RaiseAcknowledgeClear_RecordEachStepWithItsTime()
    {
        using EdgeStore store = _temp.Open();
        DateTimeOffset raised = _temp.Clock.GetUtcNow();

        long id = store.RaiseAlert("vibration-rms", AlertSeverity.Critical, "RMS above 4 g on axis x");
        _temp.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(store.AcknowledgeAlert(id));
        Assert.Single(store.GetOpenAlerts());
        _temp.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(store.ClearAlert(id));

        Alert alert = store.GetAlert(id)!;
        Assert.Equal(("vibration-rms", AlertSeverity.Critical, AlertState.Cleared, "RMS above 4 g on axis x"), (alert.Rule, alert.Severity, alert.State, alert.Text));
        Assert.Equal(raised, alert.RaisedAt);
        Assert.Equal(raised.AddMinutes(5), alert.AcknowledgedAt);
        Assert.Equal(raised.AddMinutes(15), alert.ClearedAt);
        Assert.False(alert.IsOpen);
        Assert.Empty(store.GetOpenAlerts());
    }

    [Fact]
    public void ClearAlert_AlreadyClearedOrUnknown_ReturnsFalse()
    {
        using EdgeStore store = _temp.Open();
        long id = store.RaiseAlert("r", AlertSeverity.Info, "t");
        store.ClearAlert(id);

        Assert.False(store.ClearAlert(id));
        Assert.False(store.AcknowledgeAlert(id));
        Assert.False(store.ClearAlert(id + 100));
        Assert.Null(store.GetAlert(id + 100));
    }

    [Fact]
    public void IncrementQualityCounters_SameChannelAndKind_AddsUp()
    {
        using EdgeStore store = _temp.Open();

        store.IncrementQualityCounters([("accel-x", "gap", 2), ("accel-x", "clip", 1)]);
        _temp.Clock.Advance(TimeSpan.FromSeconds(30));
        store.IncrementQualityCounter("accel-x", "gap");

        IReadOnlyList<QualityCounter> counters = store.GetQualityCounters();
        Assert.Equal(2, counters.Count);
        Assert.Equal(new QualityCounter("accel-x", "clip", 1, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)), counters[0]);
        Assert.Equal(new QualityCounter("accel-x", "gap", 3, new DateTimeOffset(2026, 1, 2, 3, 4, 35, TimeSpan.Zero)), counters[1]);
    }

    [Fact]
    public void TrySetModelState_StaleVersion_WritesNothing()
    {
        using EdgeStore store = _temp.Open();

        ModelStateEntry first = store.TrySetModelState("rollout", "{\"step\":\"downloaded\"}", 0)!;
        ModelStateEntry second = store.TrySetModelState("rollout", "{\"step\":\"verified\"}", first.Version)!;
        ModelStateEntry? stale = store.TrySetModelState("rollout", "{\"step\":\"shadow\"}", first.Version);
        ModelStateEntry? duplicateCreate = store.TrySetModelState("rollout", "x", 0);

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        Assert.Null(stale);
        Assert.Null(duplicateCreate);
        Assert.Equal(second, store.GetModelState("rollout"));
        Assert.Null(store.GetModelState("missing"));
    }

    [Fact]
    public void Enqueue_TwoStreams_NumbersEachStreamFromOneWithoutGaps()
    {
        using EdgeStore store = _temp.Open();

        OutboxMessage p1 = store.Enqueue("predictions", "a"u8.ToArray());
        OutboxMessage a1 = store.Enqueue("alerts", "b"u8.ToArray());
        OutboxMessage p2 = store.Enqueue("predictions", "c"u8.ToArray());

        Assert.Equal((1L, 1L, 2L), (p1.Sequence, a1.Sequence, p2.Sequence));
        IReadOnlyList<OutboxMessage> pending = store.GetPendingOutbox("predictions");
        Assert.Equal([1L, 2L], pending.Select(m => m.Sequence));
        Assert.Equal("c"u8.ToArray(), pending[1].Payload.ToArray());
    }

    [Fact]
    public void MarkOutboxSent_AfterAttempts_LeavesPendingAndCountsSends()
    {
        using EdgeStore store = _temp.Open();
        OutboxMessage m1 = store.Enqueue("drift", new byte[] { 1, 2, 3 });
        OutboxMessage m2 = store.Enqueue("drift", new byte[] { 4 });

        Assert.True(store.RecordOutboxAttempt(m1.Id));
        Assert.True(store.RecordOutboxAttempt(m2.Id));
        Assert.True(store.RecordOutboxAttempt(m2.Id));
        Assert.True(store.MarkOutboxSent(m1.Id));

        Assert.False(store.MarkOutboxSent(m1.Id));
        OutboxMessage left = Assert.Single(store.GetPendingOutbox());
        Assert.Equal((m2.Id, 2, OutboxState.Pending, _temp.Clock.GetUtcNow()), (left.Id, left.SendCount, left.State, left.LastAttemptAt!.Value));
        Assert.Equal(1, store.CountPendingOutbox());
    }

    [Fact]
    public void Dispose_ThenUse_ThrowsObjectDisposed()
    {
        EdgeStore store = _temp.Open();
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.CountPredictions());
    }
}
