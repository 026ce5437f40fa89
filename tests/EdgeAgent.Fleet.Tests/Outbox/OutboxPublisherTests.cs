using System.Text.Json;
using EdgeAgent.Fleet.Outbox;
using EdgeAgent.Fleet.Payloads;
using EdgeAgent.Fleet.Tests.Support;
using EdgeAgent.Storage;
using EdgeAgent.TestKit;

namespace EdgeAgent.Fleet.Tests.Outbox;

public sealed class OutboxPublisherTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Drain_AlertsQueuedAfterPredictions_GoFirstThenEventsThenPredictions()
    {
        await using FleetSubscriber fleet = await FleetSubscriber.StartAsync(_broker);
        await using Harness device = Harness.Create(_broker.Port, configure: o => (o.MaxInFlight, o.PredictionBatchSize) = (4, 100));
        IdRange ids = device.AddPredictions(2_000);
        device.Outbox.EnqueueStatus(new DeviceStatus("1.0.0", "bearing-ae", "1.4.2", "active", "healthy"));
        device.Outbox.EnqueueDrift("""{"psi":0.03,"verdict":"stable"}""");
        long first = device.Store.RaiseAlert("bearing-hot", AlertSeverity.Critical, "bearing 2 at 92 °C");
        device.Store.RaiseAlert("vibration", AlertSeverity.Warning, "RMS above 4 mm/s");
        device.Store.AcknowledgeAlert(first);

        await device.StartAsync();
        await fleet.Log.WaitForPredictionsAsync(2_000);

        IReadOnlyList<ReceivedUplink> all = fleet.Log.Messages;
        int lastAlert = LastIndex(all, "alerts");
        int firstEvent = Math.Min(FirstIndex(all, "drift"), FirstIndex(all, "status"));
        int lastEvent = Math.Max(LastIndex(all, "drift"), LastIndex(all, "status"));
        int firstPrediction = FirstIndex(all, "predictions");
        Assert.True(lastAlert < firstEvent && lastEvent < firstPrediction, $"arrival order: {string.Join(", ", all.Select(m => m.Stream).Distinct())}");
        UplinkAssert.CarriesEveryPrediction(all, ids.FirstId, ids.LastId);
        List<ReceivedUplink> alerts = UplinkAssert.InOrderWithoutGaps(all, "alerts");
        UplinkAssert.InOrderWithoutGaps(all, "drift");
        UplinkAssert.InOrderWithoutGaps(all, "status");
        Assert.Equal([("bearing-hot", "acknowledged"), ("vibration", "raised")], alerts.Select(a => AlertRuleAndState(a.Payload)));
        Assert.All(all, m => Assert.StartsWith("edge/fleet1/dev1/", m.Topic, StringComparison.Ordinal));

        await device.StopAsync();
        Assert.Equal(0, device.Store.CountPendingOutbox());
        Assert.Equal(0, device.Outbox.PredictionsWaiting(1));
    }

    [Fact]
    public async Task Drain_AlertMovesThroughItsStates_EachStateSentOnceWithTheWholeAlert()
    {
        await using FleetSubscriber fleet = await FleetSubscriber.StartAsync(_broker);
        await using Harness device = Harness.Create(_broker.Port, configure: o => o.AlertPollInterval = TimeSpan.FromMinutes(1));
        await device.StartAsync();

        long id = device.Store.RaiseAlert("bearing-hot", AlertSeverity.Critical, "bearing 2 at 92 °C");
        device.Outbox.NotifyAlertsChanged();
        await fleet.Log.WaitUntilAsync(m => m.Count(x => x.Stream == "alerts") == 1, "the raised alert");
        device.Store.AcknowledgeAlert(id);
        device.Outbox.NotifyAlertsChanged();
        await fleet.Log.WaitUntilAsync(m => m.Count(x => x.Stream == "alerts") == 2, "the acknowledgement");
        device.Store.ClearAlert(id);
        device.Outbox.NotifyAlertsChanged();
        await fleet.Log.WaitUntilAsync(m => m.Count(x => x.Stream == "alerts") == 3, "the clearing");

        await device.StopAsync();
        List<ReceivedUplink> alerts = UplinkAssert.InOrderWithoutGaps(fleet.Log.Messages, "alerts");
        Assert.Equal(["raised", "acknowledged", "cleared"], alerts.Select(a => AlertRuleAndState(a.Payload).State));
        using JsonDocument cleared = PayloadReader.Parse(alerts[2].Payload);
        Assert.Equal(id, cleared.RootElement.GetProperty("alert").GetInt64());
        Assert.Equal("critical", cleared.RootElement.GetProperty("severity").GetString());
        Assert.True(cleared.RootElement.TryGetProperty("acknowledged", out _));
        Assert.True(cleared.RootElement.TryGetProperty("cleared", out _));
        Assert.Equal(3, device.Publisher.Statistics().MessagesAcknowledged);
    }

    [Fact]
    public async Task Publish_BrokerDown_RowsStayPendingUntilAcknowledgedAfterRestart()
    {
        string folder = Directory.CreateTempSubdirectory("edgeagent-uplink-").FullName;
        try
        {
            IdRange ids;
            long handed;
            await using (Harness first = Harness.Create(_broker.Port, folder: folder, configure: o => (o.PredictionBatchSize, o.StopGrace) = (50, TimeSpan.FromMilliseconds(200))))
            {
                await first.StartAsync();
                await _broker.StopAsync();
                await Eventually.TrueAsync(() => !first.Client.IsConnected, "the device to see the broker gone");

                ids = first.AddPredictions(1_000);
                first.Store.RaiseAlert("bearing-hot", AlertSeverity.Critical, "raised during the outage");
                first.Outbox.NotifyPredictionsCommitted();
                first.Outbox.NotifyAlertsChanged();
                await Eventually.TrueAsync(() => first.Publisher.Statistics().InFlight == first.Options.MaxInFlight, "a full window waiting for PUBACKs");
                await first.StopAsync();

                handed = first.Publisher.Statistics().MessagesPublished;
                Assert.Equal(0, first.Publisher.Statistics().MessagesAcknowledged);
                IReadOnlyList<OutboxMessage> pending = first.Store.GetPendingOutbox(limit: 1000);
                Assert.Equal(handed, pending.Count(r => r.SendCount == 1));
                Assert.Equal(1, pending.Count(r => r.Stream == "alerts"));
                Assert.All(pending, r => Assert.Equal(OutboxState.Pending, r.State));
            }

            await _broker.RestartAsync();
            await using FleetSubscriber fleet = await FleetSubscriber.StartAsync(_broker);
            await using Harness second = Harness.Create(_broker.Port, folder: folder);
            await second.StartAsync();
            await fleet.Log.WaitForPredictionsAsync(1_000);
            await fleet.Log.WaitUntilAsync(m => m.Any(x => x.Stream == "alerts"), "the alert");
            await second.StopAsync();

            UplinkAssert.CarriesEveryPrediction(fleet.Log.Messages, ids.FirstId, ids.LastId);
            UplinkAssert.InOrderWithoutGaps(fleet.Log.Messages, "alerts");
            Assert.Equal(0, second.Store.CountPendingOutbox());
            Assert.True(handed > 0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Publish_ThroughACountingRelay_WireBytesEqualThePublishPacketsSeen()
    {
        await using var relay = new CountingProxy(_broker.Port);
        await using FleetSubscriber fleet = await FleetSubscriber.StartAsync(_broker);
        await using Harness device = Harness.Create(relay.Port, configure: o => o.PredictionBatchSize = 250);
        IdRange ids = device.AddPredictions(1_000);
        device.Store.RaiseAlert("bearing-hot", AlertSeverity.Critical, "bearing 2 at 92 °C");
        device.Outbox.EnqueueStatus(new DeviceStatus("1.0.0", null, null, null, "healthy"));

        await device.StartAsync();
        await fleet.Log.WaitForPredictionsAsync(1_000);
        await fleet.Log.WaitUntilAsync(m => m.Any(x => x.Stream == "alerts") && m.Any(x => x.Stream == "status"), "alert and status");
        await device.StopAsync();

        UplinkStatistics statistics = device.Publisher.Statistics();
        Assert.Equal(relay.PublishPackets, statistics.MessagesPublished);
        Assert.Equal(relay.PublishBytes, statistics.WireBytes);
        Assert.Equal(1_000, statistics.PredictionsAcknowledged);
        Assert.InRange(statistics.WireBytesPerPrediction!.Value, 1, 40);
        Assert.Equal(statistics.WireBytes, statistics.BytesToday);
        UplinkAssert.CarriesEveryPrediction(fleet.Log.Messages, ids.FirstId, ids.LastId);
    }

    [Fact]
    public async Task Publish_CompressionOn_GzipOnlyWhereItIsSmallerAndSaidSo()
    {
        await using FleetSubscriber fleet = await FleetSubscriber.StartAsync(_broker);
        await using Harness device = Harness.Create(_broker.Port, configure: o => o.CompressAbove = 0);
        device.AddPredictions(300);
        device.Outbox.EnqueueEvent("drift", "{}");

        await device.StartAsync();
        await fleet.Log.WaitForPredictionsAsync(300);
        await fleet.Log.WaitUntilAsync(m => m.Any(x => x.Stream == "drift"), "the drift report");

        ReceivedUplink batch = fleet.Log.Of("predictions")[0];
        Assert.True(batch.SaysGzip);
        Assert.True(PayloadCompression.IsGzip(batch.Payload));
        Assert.True(batch.Payload.Length * 3 < PayloadCompression.Decode(batch.Payload).Length, "a batch compresses at least 3:1");
        ReceivedUplink drift = fleet.Log.Of("drift")[0];
        Assert.False(drift.SaysGzip); // gzip would have made the small report bigger
        Assert.Equal((byte)'{', drift.Payload[0]);
    }

    [Fact]
    public async Task Publish_CompressionOff_PlainJsonWithoutContentEncoding()
    {
        await using FleetSubscriber fleet = await FleetSubscriber.StartAsync(_broker);
        await using Harness device = Harness.Create(_broker.Port, configure: o => o.CompressAbove = null);
        IdRange ids = device.AddPredictions(300);

        await device.StartAsync();
        await fleet.Log.WaitForPredictionsAsync(300);

        Assert.All(fleet.Log.Of("predictions"), m => Assert.False(m.SaysGzip || PayloadCompression.IsGzip(m.Payload)));
        UplinkAssert.CarriesEveryPrediction(fleet.Log.Messages, ids.FirstId, ids.LastId);
    }

    [Fact]
    public async Task Publish_StatusStream_IsRetainedForLaterSubscribers()
    {
        await using Harness device = Harness.Create(_broker.Port);
        device.Outbox.EnqueueStatus(new DeviceStatus("1.0.0", "bearing-ae", "1.4.2", "active", "healthy") { Details = new Dictionary<string, string> { ["disk"] = "41%" } });
        await device.StartAsync();
        await Eventually.TrueAsync(() => device.Publisher.Statistics().MessagesAcknowledged == 1, "the status to be acknowledged");

        await using FleetSubscriber late = await FleetSubscriber.StartAsync(_broker, "edge/fleet1/dev1/status");
        await late.Log.WaitUntilAsync(m => m.Count == 1, "the retained status");
        using JsonDocument status = PayloadReader.Parse(late.Log.Messages[0].Payload);
        Assert.Equal("healthy", status.RootElement.GetProperty("health").GetString());
        Assert.Equal("41%", status.RootElement.GetProperty("details").GetProperty("disk").GetString());
    }

    [Fact]
    public async Task Publish_PartialBatch_WaitsForTheBatchDelayOnTheClock()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using FleetSubscriber fleet = await FleetSubscriber.StartAsync(_broker);
        await using Harness device = Harness.Create(_broker.Port, time: clock, configure: o =>
            (o.PredictionBatchSize, o.PredictionBatchDelay, o.StopGrace) = (100, TimeSpan.FromSeconds(10), TimeSpan.Zero));
        await device.StartAsync();

        device.AddPredictions(250);
        device.Outbox.NotifyPredictionsCommitted();
        await fleet.Log.WaitForPredictionsAsync(200); // two full batches go at once
        Assert.Equal(50, device.Outbox.PredictionsWaiting(1000));

        clock.Advance(TimeSpan.FromSeconds(10));
        await fleet.Log.WaitForPredictionsAsync(250);
        Assert.Equal([100, 100, 50], UplinkAssert.Deduplicate(fleet.Log.Of("predictions")).Select(m => m.Predictions().Predictions.Count));
    }

    [Fact]
    public async Task Drain_StreamNameThatMakesNoTopic_IsSkippedAndTheOthersGo()
    {
        await using FleetSubscriber fleet = await FleetSubscriber.StartAsync(_broker);
        await using Harness device = Harness.Create(_broker.Port);
        device.Store.Enqueue("bad/#", new byte[] { 1 }); // queued by someone through the store's own API
        device.Store.RaiseAlert("bearing-hot", AlertSeverity.Critical, "bearing 2 at 92 °C");

        await device.StartAsync();
        await fleet.Log.WaitUntilAsync(m => m.Any(x => x.Stream == "alerts"), "the alert");
        await device.StopAsync();

        Assert.Equal(1, device.Logger.Count(7107));
        Assert.Equal(1, device.Store.CountPendingOutbox("bad/#"));
        Assert.Equal(0, device.Logger.Count(7104)); // no failed pass
    }

    private static int FirstIndex(IReadOnlyList<ReceivedUplink> all, string stream) => all.ToList().FindIndex(m => m.Stream == stream);

    private static int LastIndex(IReadOnlyList<ReceivedUplink> all, string stream) => all.ToList().FindLastIndex(m => m.Stream == stream);

    private static (string Rule, string State) AlertRuleAndState(byte[] payload)
    {
        using JsonDocument alert = PayloadReader.Parse(payload);
        return (alert.RootElement.GetProperty("rule").GetString()!, alert.RootElement.GetProperty("state").GetString()!);
    }
}
