using System.Net;
using System.Net.Sockets;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.TestKit;

namespace EdgeAgent.Mqtt.Tests.Client;

public sealed class ConnectionTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task ConnectAsync_Connects_WithMqtt5CleanStartKeepAliveAndDeviceIdAsClientId()
    {
        var logger = new ListLogger();
        string device = TestOptions.UniqueId("jetson");
        MqttClientOptions options = TestOptions.For(_broker, device);
        options.KeepAlive = TimeSpan.FromSeconds(7);
        await using var client = new MqttClient(options, logger);

        await client.ConnectAsync();

        await _broker.WaitForLogAsync($@"New client connected from 127\.0\.0\.1:\d+ as {device} \(p5, c1, k7\)", MessageInbox.Timeout);
        LogEntry connected = Assert.Single(logger.Entries, e => e.EventId.Id == 7000);
        Assert.Equal($"MQTT connected to 127.0.0.1:{_broker.Port} as {device}", connected.Message);
        await client.ConnectAsync(); // connected already: returns at once
    }

    [Fact]
    public async Task ConnectAsync_ServerNeverSendsConnack_FailsAfterConnectTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts in the kernel, never answers
        MqttClientOptions options = TestOptions.For(_broker, TestOptions.UniqueId("silent"));
        options.Port = ((IPEndPoint)silent.LocalEndpoint).Port;
        options.ConnectTimeout = TimeSpan.FromSeconds(1);
        await using var client = new MqttClient(options);

        var e = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal($"Cannot connect to the MQTT broker 127.0.0.1:{options.Port} as {options.ClientId}: no CONNACK within 1 s.", e.Message);
    }

    [Fact]
    public async Task Reconnect_WaitsItsBackoffOnTheInjectedTimeProvider()
    {
        var time = new ManualTimeProvider();
        MqttClientOptions options = TestOptions.For(_broker, TestOptions.UniqueId("clock"));
        options.MinReconnectDelay = options.MaxReconnectDelay = TimeSpan.FromSeconds(10);
        await _broker.StopAsync();
        await using var client = new MqttClient(options, timeProvider: time);
        Task<MqttDisconnectedEventArgs> failed = ClientSignals.NextDisconnected(client);
        client.Start();
        Assert.Equal(TimeSpan.FromSeconds(10), (await failed).RetryDelay);

        await _broker.RestartAsync();
        Task<MqttConnectedEventArgs> connected = ClientSignals.NextConnected(client);
        time.Advance(TimeSpan.FromSeconds(10)); // the backoff timer was set before the event was raised

        await connected.WaitAsync(TimeSpan.FromSeconds(5)); // far less than the 10 s a real-time wait would take
        Assert.True(client.IsConnected);
    }
}
