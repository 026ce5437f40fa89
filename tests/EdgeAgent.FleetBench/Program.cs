using System.Globalization;
using EdgeAgent.FleetBench;
using EdgeAgent.TestKit;

BenchSettings settings = BenchSettings.Parse(args);
TextWriter output = Console.Out;
string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

if (!MosquittoBroker.IsInstalled)
{
    await Console.Error.WriteLineAsync($"{MosquittoBroker.Executable} is missing; install the Debian package mosquitto.");
    return 2;
}

string folder = Directory.CreateTempSubdirectory("edgeagent-fleetbench-").FullName;
await using MosquittoBroker broker = await MosquittoBroker.StartAsync(["max_queued_messages 0"]);
try
{
    output.WriteLine(Inv($"uplink bench: mosquitto on 127.0.0.1:{broker.Port}, QoS 1, {settings.Predictions} predictions in batches of {settings.BatchSize}, up to {settings.MaxInFlight} messages in flight; store synchronous=FULL in {folder}"));

    (double rawRate, int rawBytes) = await RawPublishBench.RunAsync(broker.Port, settings.RawMessages, settings.MaxInFlight);
    output.WriteLine(Inv($"baseline  MqttClient alone, one prediction per message, {settings.RawMessages} messages, {settings.MaxInFlight} in flight: {rawRate,9:N0} messages/s = predictions/s; {rawBytes} bytes per prediction on the wire"));

    DrainResult gzip = await DrainBench.RunAsync(broker.Port, settings, compressAbove: 256, folder);
    DrainResult plain = await DrainBench.RunAsync(broker.Port, settings, compressAbove: null, folder);
    foreach (DrainResult r in new[] { gzip, plain })
    {
        output.WriteLine(Inv(
            $"outbox    {(r.Gzip ? "gzip " : "plain")}: {r.PredictionsPerSecond,9:N0} predictions/s ({(r.PredictionsPerSecond >= BenchSettings.TargetPredictionsPerSecond ? "meets" : "MISSES")} the {BenchSettings.TargetPredictionsPerSecond:N0}/s target), {r.MessagesPerSecond:N0} messages/s; {r.Statistics.WireBytesPerPrediction:F1} bytes per prediction on the wire ({r.PayloadBytesPerPrediction:F1} payload); all {r.Predictions} delivered in {r.Delivered.TotalSeconds:F2} s, acknowledged by {r.Acknowledged.TotalSeconds:F2} s, recorded by {r.Recorded.TotalSeconds:F2} s; {r.Statistics.MessagesPublished} messages, {r.Statistics.WireBytes} bytes; {r.PendingAfter} left pending; store filled at {r.Predictions / r.Fill.TotalSeconds:N0}/s"));
    }

    output.WriteLine(Inv($"summary   drain {gzip.PredictionsPerSecond:N0} predictions/s (target {BenchSettings.TargetPredictionsPerSecond:N0}); wire bytes/prediction gzip {gzip.Statistics.WireBytesPerPrediction:F1}, plain {plain.Statistics.WireBytesPerPrediction:F1}, one-per-message {rawBytes}"));
    return gzip.PredictionsPerSecond >= BenchSettings.TargetPredictionsPerSecond && gzip.PendingAfter == 0 && plain.PendingAfter == 0 ? 0 : 1;
}
finally
{
    Directory.Delete(folder, recursive: true);
}
