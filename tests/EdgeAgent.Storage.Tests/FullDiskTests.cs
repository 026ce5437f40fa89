namespace EdgeAgent.Storage.Tests;

/// <summary>A real SQLITE_FULL, from a low <c>PRAGMA max_page_count</c>.</summary>
public sealed class FullDiskTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void AddPredictions_PageLimitReached_RunsRetentionAndTheRetrySucceeds()
    {
        using EdgeStore store = _temp.Open(o => o.MaxPageCount = 64);
        DateTimeOffset now = _temp.Clock.GetUtcNow();
        long written = 0;
        IdRange last = default;

        for (int b = 0; b < 200 && !_temp.Logger.Entries.Any(e => e.EventId.Id == 4005); b++)
        {
            last = store.AddPredictions(Predictions.Batch(now.AddMinutes(b), 50, firstWindow: (b * 50) + 1, jsonPad: 100));
            written += 50;
        }

        Assert.Contains(_temp.Logger.Entries, e => e.EventId.Id == 4005);
        Assert.DoesNotContain(_temp.Logger.Entries, e => e.EventId.Id == 4006);
        Assert.Equal(last.LastId, store.GetPredictions(last.FirstId - 1).Select(p => p.Id).Last());
        Assert.True(store.CountPredictions() < written);
        Assert.Equal("ok", store.CheckIntegrity());
    }

    [Fact]
    public void Enqueue_PageLimitReachedWithOnlyUnsentRows_ThrowsStoreFullAndStaysUsable()
    {
        using EdgeStore store = _temp.Open(o => o.MaxPageCount = 32);
        long alert = store.RaiseAlert("open", AlertSeverity.Critical, "kept");
        var queued = new List<long>();
        StoreFullException? full = null;

        for (int i = 0; i < 200 && full is null; i++)
        {
            try
            {
                queued.Add(store.Enqueue("predictions", new byte[3000]).Id);
            }
            catch (StoreFullException ex)
            {
                full = ex;
            }
        }

        Assert.NotNull(full);
        Assert.Contains(_temp.DbPath, full.Message, StringComparison.Ordinal);
        Assert.Equal(queued, store.GetPendingOutbox(limit: 1000).Select(m => m.Id));
        Assert.Equal(alert, Assert.Single(store.GetOpenAlerts()).Id);
        Assert.Equal("ok", store.CheckIntegrity());

        // once the broker has taken some, the next message fits: retention drops delivered rows first
        foreach (long id in queued.Take(5))
        {
            store.MarkOutboxSent(id);
        }

        OutboxMessage next = store.Enqueue("predictions", new byte[3000]);
        Assert.Equal(queued.Count + 1, next.Sequence);
    }
}
