using System.Security.Cryptography;
using EdgeAgent.Fleet.Outbox;
using EdgeAgent.Fleet.Tests.Support;
using EdgeAgent.Storage;
using EdgeAgent.TestKit;

namespace EdgeAgent.Fleet.Tests.Outbox;

public sealed class DailyBudgetTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 23, 0, 0, TimeSpan.Zero));
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task BudgetSpent_PredictionsWaitForTheNextUtcDayWhileAlertsStillGo()
    {
        await using FleetSubscriber fleet = await FleetSubscriber.StartAsync(_broker);
        await using Harness device = Harness.Create(_broker.Port, time: _clock, configure: o =>
            (o.DailyByteBudget, o.CompressAbove, o.PredictionBatchSize, o.StopGrace) = (1024, null, 20, TimeSpan.Zero));
        await device.StartAsync();

        // An alert alone spends the day's budget; alerts never wait for it.
        device.Store.RaiseAlert("bearing-hot", AlertSeverity.Critical, Convert.ToBase64String(RandomNumberGenerator.GetBytes(900)));
        device.Outbox.NotifyAlertsChanged();
        await fleet.Log.WaitUntilAsync(m => m.Count(x => x.Stream == "alerts") == 1, "the first alert");
        await Eventually.TrueAsync(() => device.Publisher.Statistics().BudgetExhausted, "the budget to be spent");

        device.AddPredictions(100);
        device.Outbox.NotifyPredictionsCommitted();
        device.Store.RaiseAlert("vibration", AlertSeverity.Warning, "RMS above 4 mm/s");
        device.Outbox.NotifyAlertsChanged();
        await fleet.Log.WaitUntilAsync(m => m.Count(x => x.Stream == "alerts") == 2, "the second alert, over budget");
        await Eventually.TrueAsync(() => device.Logger.Count(7120) == 1, "the budget notice");

        UplinkStatistics spent = device.Publisher.Statistics();
        Assert.Empty(fleet.Log.Of("predictions"));
        Assert.Equal(100, device.Outbox.PredictionsWaiting(1000)); // still in their table, where retention can thin them
        Assert.Equal(new DateOnly(2026, 1, 1), spent.Day);
        Assert.True(spent.BytesToday > 1024);
        Assert.Equal(1, device.Logger.Count(7120));
        Assert.Contains("Daily uplink budget reached on 2026-01-01", device.Logger.Entries.Single(e => e.EventId.Id == 7120).Message, StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromHours(1)); // 00:00 UTC
        // A manual clock fires only the timers already set: if the publisher was between two waits when it moved, it
        // sleeps on a timer that this clock never reaches. Telling it there is work makes it look at the new day.
        using (var arrived = new CancellationTokenSource())
        {
            Task nudging = NudgeAsync(device.Outbox, arrived.Token);
            await fleet.Log.WaitForPredictionsAsync(20);
            await arrived.CancelAsync();
            await nudging;
        }

        UplinkStatistics next = device.Publisher.Statistics();
        Assert.Equal(new DateOnly(2026, 1, 2), next.Day);
        Assert.Equal(1, device.Logger.Count(7121)); // the day that ended, with its bytes
        await Eventually.TrueAsync(() => device.Publisher.Statistics().BudgetExhausted, "the new day's budget to be spent too");
        await Eventually.TrueAsync(() => device.Logger.Count(7120) == 2, "the new day's budget notice");
        Assert.InRange(device.Publisher.Statistics().PredictionsPublished, 20, 99); // a batch may overshoot by itself, then the rest waits
    }

    private static async Task NudgeAsync(FleetOutbox outbox, CancellationToken stop)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await tick.WaitForNextTickAsync(stop))
            {
                outbox.NotifyPredictionsCommitted();
            }
        }
        catch (OperationCanceledException)
        {
            // The predictions arrived.
        }
    }

    [Fact]
    public async Task BudgetUse_KeptInTheStore_CountsAcrossARestartOnTheSameDay()
    {
        string folder = Directory.CreateTempSubdirectory("edgeagent-uplink-").FullName;
        try
        {
            long spent;
            await using (Harness first = Harness.Create(_broker.Port, folder: folder, time: _clock, configure: o => o.DailyByteBudget = 1L << 20))
            {
                first.AddPredictions(500);
                await first.StartAsync();
                await Eventually.TrueAsync(() => first.Publisher.Statistics().PredictionsAcknowledged == 500, "the first run to send everything");
                await first.StopAsync();
                spent = first.Publisher.Statistics().BytesToday;
            }

            await using Harness second = Harness.Create(_broker.Port, folder: folder, time: _clock, configure: o => o.DailyByteBudget = 1L << 20);
            second.AddPredictions(500, firstWindow: 501);
            await second.StartAsync();
            await Eventually.TrueAsync(() => second.Publisher.Statistics().PredictionsAcknowledged == 500, "the second run to send everything");
            await second.StopAsync();

            Assert.Equal(spent + second.Publisher.Statistics().WireBytes, second.Publisher.Statistics().BytesToday);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
