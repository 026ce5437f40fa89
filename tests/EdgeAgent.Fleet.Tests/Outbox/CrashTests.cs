using System.Globalization;
using EdgeAgent.Fleet.Tests.Support;
using EdgeAgent.Storage;
using EdgeAgent.TestKit;

namespace EdgeAgent.Fleet.Tests.Outbox;

/// <summary>
/// kill -9 of an agent draining a full outbox, several times over one store: once held by its byte budget with batches
/// queued and in flight, then at random points of the drain. The next start delivers every prediction and alert.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    private const int Total = 20_000;
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(30);
    private readonly ITestOutputHelper _output;
    private MosquittoBroker _broker = null!;
    private string _folder = null!;

    public CrashTests(ITestOutputHelper output) => _output = output;

    private string DbPath => Path.Combine(_folder, "store.db");

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        _folder = Directory.CreateTempSubdirectory("edgeagent-uplink-crash-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task KilledWithAFullOutbox_NextStartDeliversEveryPredictionAndAlert()
    {
        await using FleetSubscriber fleet = await FleetSubscriber.StartAsync(_broker, "edge/fleet1/dev1/#");
        using (EdgeStore store = EdgeStore.Open(new StoreOptions { Path = DbPath }))
        {
            DateTimeOffset start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
            for (int window = 1; window <= Total; window += 1_000)
            {
                store.AddPredictions(Predictions.Batch(start, 1_000, window));
            }

            store.RaiseAlert("bearing-hot", AlertSeverity.Critical, "bearing 2 at 92 °C");
            store.AcknowledgeAlert(store.RaiseAlert("vibration", AlertSeverity.Warning, "RMS above 4 mm/s"));
            store.ClearAlert(store.RaiseAlert("sensor-gap", AlertSeverity.Info, "channel 3 silent for 2 s"));
        }

        string port = _broker.Port.ToString(CultureInfo.InvariantCulture);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Held by the budget: batches queued in the outbox, some in flight, most predictions still waiting.
        await using (RunningProcess held = CrashAgent.Start(DbPath, port, "dev1", "--budget", "8192"))
        {
            await held.WaitForLineAsync("^held$", LineTimeout);
            await held.KillAsync();
        }

        (long pending, long waiting) = Inspect("after the kill while held");
        Assert.True(waiting > 0, "the budget left predictions waiting");
        _output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: killed while held: {pending} messages pending in the outbox, {waiting} predictions after the cursor");

        // Then at random points of the drain, in small batches so that a kill lands among many messages.
        var random = new Random(20260105);
        for (int trial = 1; trial <= 5; trial++)
        {
            int acknowledgements = random.Next(2, 12);
            await using RunningProcess draining = CrashAgent.Start(DbPath, port, "dev1", "--batch", "10", "--in-flight", "2");
            await draining.WaitForLineAsync("^acked [1-9]", LineTimeout, skip: acknowledgements);
            await draining.KillAsync();
            (pending, waiting) = Inspect($"after kill {trial}");
            _output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: kill {trial} after {acknowledgements + 1} acknowledgement lines: {pending} pending, {waiting} waiting");
            Assert.True(pending + waiting > 0, "the drain outran the kill; the trial proved nothing");
        }

        await using (Harness restarted = Harness.Create(_broker.Port, folder: _folder))
        {
            await restarted.StartAsync();
            await fleet.Log.WaitForPredictionsAsync(Total, TimeSpan.FromSeconds(60));
            await fleet.Log.WaitUntilAsync(m => UplinkAssert.Deduplicate(m.Where(x => x.Stream == "alerts")).Count == 3, "the three alerts");
            await restarted.StopAsync();
            Assert.Equal(0, restarted.Store.CountPendingOutbox());
            Assert.Equal(0, restarted.Outbox.PredictionsWaiting(1));
        }

        IReadOnlyList<ReceivedUplink> received = fleet.Log.Messages;
        UplinkAssert.CarriesEveryPrediction(received, 1, Total);
        UplinkAssert.InOrderWithoutGaps(received, "alerts");
        int redeliveries = received.Count - UplinkAssert.Deduplicate(received).Count;
        _output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {received.Count} messages received; {redeliveries} sent again after a kill and dropped by id");
    }

    private (long Pending, long Waiting) Inspect(string when)
    {
        using EdgeStore store = EdgeStore.Open(new StoreOptions { Path = DbPath, OnCorrupt = CorruptDatabasePolicy.Throw });
        Assert.True(store.CheckIntegrity() == "ok", $"integrity check {when}");
        Assert.Equal(Total, store.CountPredictions());
        return (store.CountPendingOutbox(), store.CountPredictionsAfterCursor("uplink.predictions.cursor", long.MaxValue));
    }
}
