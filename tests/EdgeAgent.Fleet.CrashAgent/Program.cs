using System.Globalization;
using EdgeAgent.Fleet.CrashAgent;
using EdgeAgent.Fleet.Outbox;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.Storage;
using Microsoft.Extensions.Options;

// Usage: CrashAgent <db-path> <broker-port> <client-id> [--batch N] [--in-flight N] [--budget BYTES]
// Drains the store's outbox to the broker on 127.0.0.1 (fleet "fleet1") until killed. Prints "acked <messages> <predictions>"
// whenever the broker acknowledged more, and "held" once the daily budget holds predictions back.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: CrashAgent <db-path> <broker-port> <client-id> [--batch N] [--in-flight N] [--budget BYTES]");
    return 2;
}

string Option(string name, string fallback)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

var uplink = new UplinkOptions
{
    Fleet = "fleet1",
    PredictionBatchSize = int.Parse(Option("--batch", "100"), CultureInfo.InvariantCulture),
    PredictionBatchDelay = TimeSpan.Zero,
    MaxInFlight = int.Parse(Option("--in-flight", "4"), CultureInfo.InvariantCulture),
    DailyByteBudget = Option("--budget", "") is { Length: > 0 } budget ? long.Parse(budget, CultureInfo.InvariantCulture) : null,
    StopGrace = TimeSpan.Zero,
};
var mqtt = new MqttClientOptions
{
    Host = "127.0.0.1",
    Port = int.Parse(args[1], CultureInfo.InvariantCulture),
    ClientId = args[2],
    MinReconnectDelay = TimeSpan.FromMilliseconds(50),
    MaxReconnectDelay = TimeSpan.FromMilliseconds(400),
};

var clock = System.Diagnostics.Stopwatch.StartNew();
using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
using EdgeStore store = EdgeStore.Open(new StoreOptions { Path = args[0], SizeCapBytes = 1L << 30 });
await using var client = new MqttClient(mqtt, new StderrLogger<MqttClient>());
var outbox = new FleetOutbox(store, Options.Create(uplink));
using var publisher = new OutboxPublisher(store, client, outbox, Options.Create(uplink), logger: new StderrLogger<OutboxPublisher>());
await client.ConnectAsync();
await publisher.StartAsync(CancellationToken.None);
stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ready after {clock.ElapsedMilliseconds} ms"));

long acked = -1;
bool held = false;
while (true)
{
    UplinkStatistics statistics = publisher.Statistics();
    if (statistics.MessagesAcknowledged != acked)
    {
        acked = statistics.MessagesAcknowledged;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"acked {acked} {statistics.PredictionsAcknowledged} at {clock.ElapsedMilliseconds} ms"));
    }

    if (statistics.BudgetExhausted && !held)
    {
        held = true;
        stdout.WriteLine("held");
    }

    await Task.Delay(2);
}
