using EdgeAgent.Fleet.Outbox;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.Storage;
using EdgeAgent.TestKit;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Fleet.Tests.Support;

/// <summary>
/// A device's uplink for a test: a store in a temporary folder, an MQTT client, the outbox and its publisher (not started).
/// The store and the publisher share <see cref="Time"/>; the MQTT client always runs on the system clock.
/// </summary>
internal sealed class Harness : IAsyncDisposable
{
    public const string Fleet = "fleet1";

    private readonly bool _ownsFolder;
    private bool _started;

    private Harness(string folder, bool ownsFolder, EdgeStore store, MqttClient client, UplinkOptions options, TimeProvider time)
    {
        Folder = folder;
        _ownsFolder = ownsFolder;
        Store = store;
        Client = client;
        Options = options;
        Time = time;
        Outbox = new FleetOutbox(store, Microsoft.Extensions.Options.Options.Create(options), time);
        Publisher = new OutboxPublisher(store, client, Outbox, Microsoft.Extensions.Options.Options.Create(options), time, Logger.For<OutboxPublisher>());
    }

    public string Folder { get; }

    public string DbPath => Path.Combine(Folder, "store.db");

    public EdgeStore Store { get; }

    public MqttClient Client { get; }

    public UplinkOptions Options { get; }

    public TimeProvider Time { get; }

    public FleetOutbox Outbox { get; }

    public OutboxPublisher Publisher { get; }

    public TypedListLogger Logger { get; } = new();

    /// <summary>Uplink options for tests: no waiting for partial batches, quick retries.</summary>
    public static UplinkOptions DefaultOptions() => new()
    {
        Fleet = Fleet,
        PredictionBatchDelay = TimeSpan.Zero,
        RetryDelay = TimeSpan.FromMilliseconds(200),
        AlertPollInterval = TimeSpan.FromMilliseconds(50),
        StopGrace = TimeSpan.FromSeconds(2),
    };

    /// <summary>Client options for a test broker: quick reconnects so that outage tests stay short.</summary>
    public static MqttClientOptions ClientOptions(int port, string clientId) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        ClientId = clientId,
        MinReconnectDelay = TimeSpan.FromMilliseconds(50),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(400),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>A client id no other test uses.</summary>
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];

    /// <summary>Creates the uplink of device <paramref name="device"/> talking to <paramref name="port"/>; the store is new unless <paramref name="folder"/> holds one.</summary>
    public static Harness Create(int port, string device = "dev1", Action<UplinkOptions>? configure = null, TimeProvider? time = null, string? folder = null)
    {
        bool owns = folder is null;
        folder ??= Directory.CreateTempSubdirectory("edgeagent-uplink-").FullName;
        time ??= TimeProvider.System;
        UplinkOptions options = DefaultOptions();
        configure?.Invoke(options);
        EdgeStore store = EdgeStore.Open(new StoreOptions { Path = Path.Combine(folder, "store.db"), Durability = StoreDurability.Normal }, time);
        var client = new MqttClient(ClientOptions(port, device));
        return new Harness(folder, owns, store, client, options, time);
    }

    public async Task StartAsync()
    {
        _started = true;
        await Client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(15));
        await Publisher.StartAsync(CancellationToken.None);
    }

    /// <summary>Stops the publisher: it waits <see cref="UplinkOptions.StopGrace"/> for answers and records what was acknowledged.</summary>
    public async Task StopAsync()
    {
        if (_started)
        {
            _started = false;
            await Publisher.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Stores <paramref name="count"/> predictions; returns their ids.</summary>
    public IdRange AddPredictions(int count, long firstWindow = 1) => Store.AddPredictions(Predictions.Batch(Time.GetUtcNow(), count, firstWindow));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Publisher.Dispose();
        await Client.DisposeAsync();
        Store.Dispose();
        if (_ownsFolder)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // left in the temporary folder
            }
        }
    }
}
