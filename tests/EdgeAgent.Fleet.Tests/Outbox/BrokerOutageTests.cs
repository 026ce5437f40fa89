using EdgeAgent.Fleet.Outbox;
using EdgeAgent.Fleet.Tests.Support;
using EdgeAgent.Storage;
using EdgeAgent.TestKit;

namespace EdgeAgent.Fleet.Tests.Outbox;

/// <summary>
/// The broker is stopped for a while under load and started again. The fleet side is a subscriber with a persistent
/// session on a broker that persists it, as a real fleet's would be, so that nothing published while it reconnects is lost
/// to the test rather than to the device.
/// </summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private const int Total = 20_000;
    private readonly ITestOutputHelper _output;
    private string _state = null!;
    private MosquittoBroker _broker = null!;

    public BrokerOutageTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _state = Directory.CreateTempSubdirectory("edgeagent-broker-state-").FullName;
        _broker = await MosquittoBroker.StartAsync(["persistence true", $"persistence_location {_state}/", "max_queued_messages 0"]);
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task BrokerStoppedUnderLoad_EveryPredictionArrivesOncePerIdInOrderWithoutGaps()
    {
        await using PersistentSubscriber fleet = await PersistentSubscriber.StartAsync(_broker.Port, "edge/fleet1/dev1/#");
        await using Harness device = Harness.Create(_broker.Port, configure: o => (o.PredictionBatchSize, o.MaxInFlight) = (100, 16));
        await device.StartAsync();

        // The sensor side: 50 predictions every 10 ms (5,000 a second) for 4 s, committed as the agent commits them.
        long committed = 0;
        Task load = Task.Run(async () =>
        {
            using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
            for (int window = 1; window <= Total; window += 50)
            {
                await tick.WaitForNextTickAsync();
                device.AddPredictions(50, window);
                device.Outbox.NotifyPredictionsCommitted();
                Interlocked.Add(ref committed, 50);
            }
        });

        await Eventually.TrueAsync(() => Interlocked.Read(ref committed) >= 5_000 || load.IsCompleted, "a quarter of the load");
        long before = device.Publisher.Statistics().PredictionsAcknowledged;
        var outage = System.Diagnostics.Stopwatch.StartNew();
        await _broker.StopAsync();
        await fleet.LinkEnded.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => Interlocked.Read(ref committed) >= 15_000 || load.IsCompleted, "half the load committed during the outage");
        UplinkStatistics during = device.Publisher.Statistics();
        await _broker.RestartAsync();
        outage.Stop();
        await fleet.ReconnectAsync();
        await load;

        await fleet.Log.WaitForPredictionsAsync(Total, TimeSpan.FromSeconds(60));
        await device.StopAsync();

        IReadOnlyList<ReceivedUplink> received = fleet.Log.Messages;
        UplinkAssert.CarriesEveryPrediction(received, 1, Total);
        int duplicates = received.Count - UplinkAssert.Deduplicate(received).Count;
        _output.WriteLine(
            $"outage {outage.Elapsed.TotalSeconds:F1} s; {before} predictions acknowledged before it, {during.InFlight} messages waiting in flight during it; " +
            $"{received.Count} messages received, {duplicates} redeliveries dropped by id ({received.Count(m => m.Duplicate)} flagged DUP)");
        Assert.InRange(outage.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.Equal(device.Options.MaxInFlight, during.InFlight); // the window filled and waited for the broker
        Assert.Equal(0, device.Store.CountPendingOutbox());
        Assert.Equal(0, device.Outbox.PredictionsWaiting(1));
    }
}
