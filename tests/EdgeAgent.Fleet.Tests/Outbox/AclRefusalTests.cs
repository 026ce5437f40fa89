using EdgeAgent.Fleet.Tests.Support;
using EdgeAgent.Storage;
using EdgeAgent.TestKit;

namespace EdgeAgent.Fleet.Tests.Outbox;

/// <summary>A broker whose ACL lets the device publish predictions but not alerts, until the ACL is fixed and the broker restarted.</summary>
public sealed class AclRefusalTests : IAsyncLifetime
{
    private string _folder = null!;
    private string _acl = null!;
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("edgeagent-uplink-acl-").FullName;
        _acl = Path.Combine(_folder, "acl");
        // The fleet's read right is a pattern: mosquitto 2.0 checks a restored, not yet reconnected session against patterns
        // only (its own topic list is attached when it connects), and would drop what arrives for it in between.
        await File.WriteAllLinesAsync(_acl, ["pattern read edge/#", "topic write edge/fleet1/dev1/predictions"]);
        _broker = await MosquittoBroker.StartAsync([$"acl_file {_acl}", "persistence true", $"persistence_location {_folder}/"]);
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Publish_RefusedByTheBroker_RowStaysPendingOtherStreamsGoAndItGoesOnceAllowed()
    {
        await using PersistentSubscriber fleet = await PersistentSubscriber.StartAsync(_broker.Port, "edge/fleet1/dev1/#");
        await using Harness device = Harness.Create(_broker.Port, configure: o => o.PredictionBatchSize = 100);
        device.Store.RaiseAlert("bearing-hot", AlertSeverity.Critical, "bearing 2 at 92 °C");
        IdRange ids = device.AddPredictions(1_000);
        await device.StartAsync();

        await fleet.Log.WaitForPredictionsAsync(1_000);
        await Eventually.TrueAsync(() => device.Logger.Count(7102) == 1, "the refusal to be logged");
        Assert.Empty(fleet.Log.Of("alerts"));
        Assert.Equal(1, device.Store.CountPendingOutbox("alerts"));
        Assert.Contains("0x87", device.Logger.Entries.Single(e => e.EventId.Id == 7102).Message, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => device.Publisher.Statistics().MessagesRefused >= 2, "a retry, refused again");
        Assert.Equal(1, device.Store.CountPendingOutbox("alerts"));

        await File.AppendAllLinesAsync(_acl, ["topic write edge/fleet1/dev1/alerts"]);
        await _broker.RestartAsync();
        await fleet.ReconnectAsync();

        await fleet.Log.WaitUntilAsync(m => m.Any(x => x.Stream == "alerts"), "the alert, once allowed");
        await Eventually.TrueAsync(() => device.Logger.Count(7103) == 1, "the stream to resume");
        await device.StopAsync();
        UplinkAssert.InOrderWithoutGaps(fleet.Log.Messages, "alerts");
        UplinkAssert.CarriesEveryPrediction(fleet.Log.Messages, ids.FirstId, ids.LastId);
        Assert.Equal(0, device.Store.CountPendingOutbox());
        Assert.Equal(1, device.Logger.Count(7102)); // one warning for the whole episode
    }
}
