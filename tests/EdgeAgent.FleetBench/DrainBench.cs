using System.Diagnostics;
using EdgeAgent.Fleet.Outbox;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.Storage;
using Microsoft.Extensions.Options;

namespace EdgeAgent.FleetBench;

/// <summary>One drain: a store filled with predictions, the publisher started, timed until the fleet side has all of them.</summary>
internal static class DrainBench
{
    public static async Task<DrainResult> RunAsync(int port, BenchSettings settings, int? compressAbove, string folder)
    {
        string path = Path.Combine(folder, compressAbove is null ? "plain.db" : "gzip.db");
        using EdgeStore store = EdgeStore.Open(new StoreOptions { Path = path, SizeCapBytes = 4L << 30 });
        TimeSpan fill = Fill(store, settings.Predictions);

        var options = Options.Create(new UplinkOptions
        {
            Fleet = "fleet1",
            MaxInFlight = settings.MaxInFlight,
            PredictionBatchSize = settings.BatchSize,
            PredictionBatchDelay = TimeSpan.Zero,
            CompressAbove = compressAbove,
        });
        string device = compressAbove is null ? "plain" : "gzip";
        await using BenchSubscriber fleet = await BenchSubscriber.StartAsync(port, $"edge/fleet1/{device}/#", decodeBatches: true);
        await using var client = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = port, ClientId = device });
        await client.ConnectAsync();
        using var publisher = new OutboxPublisher(store, client, new FleetOutbox(store, options), options);
        Task arrived = fleet.WaitForAsync(settings.Predictions);

        var clock = Stopwatch.StartNew();
        await publisher.StartAsync(CancellationToken.None);
        await arrived.WaitAsync(TimeSpan.FromMinutes(2));
        TimeSpan delivered = clock.Elapsed;
        while (publisher.Statistics().PredictionsAcknowledged < settings.Predictions)
        {
            await Task.Delay(1); // the last PUBACKs may trail the subscriber's copies by a moment
        }

        TimeSpan acknowledged = clock.Elapsed;
        await publisher.StopAsync(CancellationToken.None);
        TimeSpan recorded = clock.Elapsed;
        UplinkStatistics statistics = publisher.Statistics();
        return new DrainResult(compressAbove is not null, settings.Predictions, fill, delivered, acknowledged, recorded, statistics, store.CountPendingOutbox(), fleet.Messages);
    }

    private static TimeSpan Fill(EdgeStore store, int count)
    {
        var clock = Stopwatch.StartNew();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        const int Batch = 1_000;
        var batch = new NewPrediction[Batch];
        for (int first = 1; first <= count; first += Batch)
        {
            int n = Math.Min(Batch, count - first + 1);
            for (int i = 0; i < n; i++)
            {
                long window = first + i;
                float score = (float)(0.05 + (0.01 * Math.Sin(window / 7.0)) + (0.002 * Random.Shared.NextDouble()));
                float rul = 200f - (window / 1000f);
                batch[i] = new NewPrediction(
                    start.AddSeconds(window),
                    "bearing-ae 1.4.2",
                    window,
                    score,
                    $"{{\"score\":{score.ToString("R", System.Globalization.CultureInfo.InvariantCulture)},\"rul\":{rul.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}}",
                    0);
            }

            store.AddPredictions(n == Batch ? batch : batch[..n]);
        }

        return clock.Elapsed;
    }
}

/// <summary>What one drain measured.</summary>
internal sealed record DrainResult(
    bool Gzip,
    int Predictions,
    TimeSpan Fill,
    TimeSpan Delivered,
    TimeSpan Acknowledged,
    TimeSpan Recorded,
    UplinkStatistics Statistics,
    long PendingAfter,
    long MessagesReceived)
{
    public double PredictionsPerSecond => Predictions / Delivered.TotalSeconds;

    public double MessagesPerSecond => Statistics.MessagesPublished / Delivered.TotalSeconds;

    public double PayloadBytesPerPrediction => (double)Statistics.PayloadBytes / Statistics.PredictionsPublished;
}
