namespace EdgeAgent.Storage.Tests;

public sealed class RetentionTests : IDisposable
{
    private const long SmallCap = 256 * 1024;
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void EnforceSizeCap_OldPredictionsOverCap_ThinsThemBeforeDroppingAny()
    {
        DateTimeOffset now = _temp.Clock.GetUtcNow();
        using (EdgeStore big = _temp.Open())
        {
            for (int b = 0; b < 10; b++)
            {
                big.AddPredictions(Predictions.Batch(now.AddDays(-3).AddMinutes(b * 10), 200, firstWindow: (b * 200) + 1, jsonPad: 200));
            }

            big.AddPredictions(Predictions.Batch(now.AddMinutes(-10), 100, firstWindow: 5001, jsonPad: 200));
        }

        using EdgeStore store = _temp.Open(o => o.SizeCapBytes = SmallCap);
        RetentionResult result = store.EnforceSizeCap();

        IReadOnlyList<Prediction> left = store.GetPredictions(limit: 10_000);
        Assert.Equal(1800, result.PredictionsThinned);
        Assert.Equal(0, result.PredictionsDropped);
        Assert.True(result.UnderCap);
        Assert.Equal(200, left.Count(p => p.Thinned));
        Assert.Equal(100, left.Count(p => !p.Thinned && p.WindowId > 5000));
        Assert.True(store.FileBytes() <= SmallCap, $"{store.FileBytes()} bytes on disk");
        Assert.True(new FileInfo(_temp.DbPath).Length < result.BytesBefore);
    }

    [Fact]
    public void EnforceSizeCap_FarOverCap_DropsOldestPredictionsThenClearedAlertsButNeverOpenAlertsOrPendingOutbox()
    {
        DateTimeOffset now = _temp.Clock.GetUtcNow();
        string longText = new('a', 2000);
        var open = new List<long>();
        var pending = new List<long>();
        using (EdgeStore big = _temp.Open())
        {
            for (int i = 0; i < 200; i++)
            {
                long id = big.RaiseAlert("rule", AlertSeverity.Warning, longText);
                big.ClearAlert(id);
            }

            for (int i = 0; i < 5; i++)
            {
                open.Add(big.RaiseAlert("open", AlertSeverity.Critical, longText));
                OutboxMessage sent = big.Enqueue("predictions", new byte[2000]);
                big.MarkOutboxSent(sent.Id);
                pending.Add(big.Enqueue("alerts", new byte[2000]).Id);
            }

            for (int b = 0; b < 10; b++)
            {
                big.AddPredictions(Predictions.Batch(now.AddMinutes(b), 200, firstWindow: (b * 200) + 1, jsonPad: 200));
            }
        }

        using EdgeStore store = _temp.Open(o => o.SizeCapBytes = 128 * 1024);
        long before = store.FileBytes();
        RetentionResult result = store.EnforceSizeCap();

        Assert.True(result.UnderCap, $"{result}");
        Assert.Equal(5, result.SentOutboxDropped);
        Assert.Equal(2000, result.PredictionsDropped);
        Assert.InRange(result.AlertsDropped, 1, 200);
        Assert.Equal(open, store.GetOpenAlerts().Select(a => a.Id));
        Assert.Equal(pending, store.GetPendingOutbox().Select(m => m.Id));
        Assert.True(store.FileBytes() <= 128 * 1024 && store.FileBytes() < before, $"{before} -> {store.FileBytes()} bytes");
        Assert.Equal("ok", store.CheckIntegrity());
    }

    [Fact]
    public void EnforceSizeCap_SomePredictionsMustGo_KeepsTheNewest()
    {
        DateTimeOffset now = _temp.Clock.GetUtcNow();
        using (EdgeStore big = _temp.Open())
        {
            for (int b = 0; b < 10; b++)
            {
                big.AddPredictions(Predictions.Batch(now.AddMinutes(b), 200, firstWindow: (b * 200) + 1, jsonPad: 200));
            }
        }

        using EdgeStore store = _temp.Open(o => o.SizeCapBytes = SmallCap);
        RetentionResult result = store.EnforceSizeCap();

        IReadOnlyList<Prediction> left = store.GetPredictions(limit: 10_000);
        Assert.True(result.UnderCap);
        Assert.InRange(result.PredictionsDropped, 1, 1999);
        Assert.Equal(0, result.PredictionsThinned);
        Assert.Equal(2000, left[^1].WindowId);
        Assert.Equal(Enumerable.Range((int)left[0].WindowId, left.Count).Select(w => (long)w), left.Select(p => p.WindowId));
    }

    [Fact]
    public void AddPredictions_ManyBatchesUnderSmallCap_FileNeverStaysOverCap()
    {
        using EdgeStore store = _temp.Open(o => o.SizeCapBytes = SmallCap);
        DateTimeOffset now = _temp.Clock.GetUtcNow();
        IdRange last = default;

        for (int b = 0; b < 60; b++)
        {
            last = store.AddPredictions(Predictions.Batch(now.AddMinutes(b), 100, firstWindow: (b * 100) + 1, jsonPad: 200));
            Assert.True(store.FileBytes() <= SmallCap, $"batch {b}: {store.FileBytes()} bytes");
        }

        Assert.Equal(last.LastId, store.GetPredictions(last.LastId - 1).Single().Id);
        Assert.Contains(_temp.Logger.Entries, e => e.EventId.Id == 4003);
        Assert.Equal("ok", store.CheckIntegrity());
    }

    [Fact]
    public void EnforceSizeCap_UnderCap_DoesNothing()
    {
        using EdgeStore store = _temp.Open();
        store.AddPredictions(Predictions.Batch(_temp.Clock.GetUtcNow(), 10));

        RetentionResult result = store.EnforceSizeCap();

        Assert.Equal(0, result.RowsRemoved);
        Assert.True(result.UnderCap);
        Assert.Equal(10, store.CountPredictions());
    }
}
