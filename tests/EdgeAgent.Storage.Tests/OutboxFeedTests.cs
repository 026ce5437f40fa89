using System.Text;

namespace EdgeAgent.Storage.Tests;

/// <summary>Feeding the outbox with the cursor or comparison state in the same transaction (EdgeStore.OutboxFeed.cs).</summary>
public sealed class OutboxFeedTests : IDisposable
{
    private const string Cursor = "test.cursor";
    private const string AlertState = "test.alerts";
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void EnqueuePredictionBatch_MovesTheCursorWithTheMessage()
    {
        using EdgeStore store = _temp.Open();
        IdRange ids = store.AddPredictions(Predictions.Batch(_temp.Clock.GetUtcNow(), 250));

        (OutboxMessage first, int count) = store.EnqueuePredictionBatch("predictions", Cursor, 100, Describe)!.Value;
        (OutboxMessage second, _) = store.EnqueuePredictionBatch("predictions", Cursor, 100, Describe)!.Value;
        (OutboxMessage third, int last) = store.EnqueuePredictionBatch("predictions", Cursor, 100, Describe)!.Value;

        Assert.Equal((1L, 100), (first.Sequence, count));
        Assert.Equal($"1:{ids.FirstId}-{ids.FirstId + 99}", Encoding.UTF8.GetString(first.Payload.Span));
        Assert.Equal($"2:{ids.FirstId + 100}-{ids.FirstId + 199}", Encoding.UTF8.GetString(second.Payload.Span));
        Assert.Equal((3L, 50), (third.Sequence, last));
        Assert.Null(store.EnqueuePredictionBatch("predictions", Cursor, 100, Describe));
        Assert.Equal(0, store.CountPredictionsAfterCursor(Cursor, 1000));
        Assert.Equal(ids.LastId.ToString(System.Globalization.CultureInfo.InvariantCulture), store.GetModelState(Cursor)!.Value);
    }

    [Fact]
    public void EnqueuePredictionBatch_BuildThrows_NeitherMessageNorCursorMove()
    {
        using EdgeStore store = _temp.Open();
        store.AddPredictions(Predictions.Batch(_temp.Clock.GetUtcNow(), 10));

        Assert.Throws<InvalidOperationException>(() => store.EnqueuePredictionBatch("predictions", Cursor, 5, (_, _) => throw new InvalidOperationException("encoder bug")));

        Assert.Equal(0, store.CountPendingOutbox());
        Assert.Equal(10, store.CountPredictionsAfterCursor(Cursor, 1000));
        Assert.Equal(1, store.EnqueuePredictionBatch("predictions", Cursor, 5, Describe)!.Value.Message.Sequence); // no number was spent
    }

    [Fact]
    public void CountPredictionsAfterCursor_CountsUpToTheLimit()
    {
        using EdgeStore store = _temp.Open();
        store.AddPredictions(Predictions.Batch(_temp.Clock.GetUtcNow(), 30));

        Assert.Equal(30, store.CountPredictionsAfterCursor(Cursor, 1000));
        Assert.Equal(7, store.CountPredictionsAfterCursor(Cursor, 7));
    }

    [Fact]
    public void EnqueueAlertChanges_QueuesNewAndMovedAlertsOnce()
    {
        using EdgeStore store = _temp.Open();
        long hot = store.RaiseAlert("hot", AlertSeverity.Critical, "92 °C");
        long gap = store.RaiseAlert("gap", AlertSeverity.Info, "silent");
        store.ClearAlert(gap); // raised and cleared between two looks: one message, cleared

        Assert.Equal(["1:hot:Raised", "2:gap:Cleared"], Texts(store.EnqueueAlertChanges("alerts", AlertState, DescribeAlert)));
        Assert.Empty(store.EnqueueAlertChanges("alerts", AlertState, DescribeAlert));

        store.AcknowledgeAlert(hot);
        long vib = store.RaiseAlert("vib", AlertSeverity.Warning, "4 mm/s");
        Assert.Equal(["3:hot:Acknowledged", "4:vib:Raised"], Texts(store.EnqueueAlertChanges("alerts", AlertState, DescribeAlert)));

        store.ClearAlert(hot);
        store.ClearAlert(vib);
        Assert.Equal(["5:hot:Cleared", "6:vib:Cleared"], Texts(store.EnqueueAlertChanges("alerts", AlertState, DescribeAlert)));
        Assert.Empty(store.EnqueueAlertChanges("alerts", AlertState, DescribeAlert));
        Assert.Equal("3;", store.GetModelState(AlertState)!.Value); // nothing open is tracked any more
    }

    [Fact]
    public void EnqueueWithBuilder_PayloadSeesItsSequenceNumber()
    {
        using EdgeStore store = _temp.Open();
        store.Enqueue("drift", new byte[] { 1 });

        OutboxMessage message = store.Enqueue("drift", seq => Encoding.UTF8.GetBytes($"#{seq}"));

        Assert.Equal(2, message.Sequence);
        Assert.Equal("#2", Encoding.UTF8.GetString(store.GetPendingOutboxAfter("drift", 1, 10).Single().Payload.Span));
    }

    [Fact]
    public void RecordOutboxProgress_CountsAttemptsMarksSentAndKeepsTheStateInOneGo()
    {
        using EdgeStore store = _temp.Open();
        long[] ids = [.. Enumerable.Range(0, 4).Select(i => store.Enqueue("status", new byte[] { (byte)i }).Id)];

        store.RecordOutboxProgress([ids[0], ids[1], ids[2]], [ids[0]], "test.usage", "2026-01-02 1234");
        store.RecordOutboxProgress([ids[1]], [ids[1], 999], null, null);

        IReadOnlyList<OutboxMessage> pending = store.GetPendingOutbox("status", 10);
        Assert.Equal([ids[2], ids[3]], pending.Select(m => m.Id));
        Assert.Equal([1, 0], pending.Select(m => m.SendCount));
        Assert.Equal(_temp.Clock.GetUtcNow(), pending[0].LastAttemptAt);
        Assert.Equal(2, store.CountPendingOutbox("status"));
        Assert.Equal(0, store.CountPendingOutbox("alerts"));
        Assert.Equal("2026-01-02 1234", store.GetModelState("test.usage")!.Value);
        Assert.Equal(["status"], store.GetOutboxStreams());
        Assert.Equal([3L, 4], store.GetPendingOutboxAfter("status", 2, 10).Select(m => m.Sequence));
    }

    private static ReadOnlyMemory<byte> Describe(long seq, IReadOnlyList<Prediction> batch) =>
        Encoding.UTF8.GetBytes($"{seq}:{batch[0].Id}-{batch[^1].Id}");

    private static ReadOnlyMemory<byte> DescribeAlert(long seq, Alert alert) =>
        Encoding.UTF8.GetBytes($"{seq}:{alert.Rule}:{alert.State}");

    private static string[] Texts(IReadOnlyList<OutboxMessage> messages) => [.. messages.Select(m => Encoding.UTF8.GetString(m.Payload.Span))];
}
