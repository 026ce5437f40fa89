using System.Text;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.TestKit;

namespace EdgeAgent.Mqtt.Tests.Client;

public sealed class LastWillTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    private MqttClientOptions DeviceOptions(string device, string statusTopic, bool willOnDisconnect = true)
    {
        MqttClientOptions options = TestOptions.For(_broker, device);
        options.WillTopic = statusTopic;
        options.PublishWillOnDisconnect = willOnDisconnect;
        options.MinReconnectDelay = TimeSpan.FromSeconds(5); // stays away after its link dies, like a dead device
        options.MaxReconnectDelay = TimeSpan.FromSeconds(5);
        return options;
    }

    [Fact]
    public async Task LinkDiesWithoutDisconnect_WatcherGetsOfflineAndLateSubscriberGetsItRetained()
    {
        string device = TestOptions.UniqueId("dev");
        string status = $"edge/fleet1/{device}/status";
        await using var watcher = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("watcher")));
        var watched = new MessageInbox();
        await watcher.ConnectAsync();
        await watcher.SubscribeAsync(status, MqttQos.AtLeastOnce, watched.Handle);

        await using var client = new MqttClient(DeviceOptions(device, status));
        await client.ConnectAsync();
        await client.PublishAsync(status, Encoding.UTF8.GetBytes("online"), MqttQos.AtLeastOnce, retain: true);
        await watched.WaitForPayloadAsync("online");

        Task<MqttDisconnectedEventArgs> lost = ClientSignals.NextDisconnected(client);
        client.SimulateLinkLoss(); // shutdown(2) on the socket: no DISCONNECT reaches the broker
        Assert.True((await lost).WasConnected);

        MqttMessage will = await watched.WaitForPayloadAsync("offline");
        Assert.Equal(status, will.Topic);

        await using var late = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("late")));
        var lateInbox = new MessageInbox();
        await late.ConnectAsync();
        await late.SubscribeAsync(status, MqttQos.AtLeastOnce, lateInbox.Handle);
        MqttMessage retained = await lateInbox.NextAsync();
        Assert.Equal("offline", MessageInbox.Text(retained));
        Assert.True(retained.Retain);
    }

    [Fact]
    public async Task DisposeAsync_WithPublishWillOnDisconnect_BrokerPublishesOffline()
    {
        string device = TestOptions.UniqueId("dev");
        string status = $"edge/fleet1/{device}/status";
        await using var watcher = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("watcher")));
        var watched = new MessageInbox();
        await watcher.ConnectAsync();
        await watcher.SubscribeAsync(status, MqttQos.AtLeastOnce, watched.Handle);

        var client = new MqttClient(DeviceOptions(device, status));
        await client.ConnectAsync();
        await client.PublishAsync(status, Encoding.UTF8.GetBytes("online"), MqttQos.AtLeastOnce, retain: true);
        await watched.WaitForPayloadAsync("online");

        await client.DisposeAsync();

        await watched.WaitForPayloadAsync("offline");
    }

    [Fact]
    public async Task DisposeAsync_WithoutPublishWillOnDisconnect_StatusStaysAsPublished()
    {
        string device = TestOptions.UniqueId("dev");
        string status = $"edge/fleet1/{device}/status";
        await using var watcher = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("watcher")));
        var watched = new MessageInbox();
        await watcher.ConnectAsync();
        await watcher.SubscribeAsync(status, MqttQos.AtLeastOnce, watched.Handle);

        var client = new MqttClient(DeviceOptions(device, status, willOnDisconnect: false));
        await client.ConnectAsync();
        await client.PublishAsync(status, Encoding.UTF8.GetBytes("online"), MqttQos.AtLeastOnce, retain: true);
        await watched.WaitForPayloadAsync("online");
        await client.DisposeAsync();
        await _broker.WaitForLogAsync($"Client {device} disconnected", MessageInbox.Timeout);

        // The broker has handled the DISCONNECT, so a Will would already be on its way, ahead of this marker.
        await watcher.PublishAsync(status, Encoding.UTF8.GetBytes("marker"), MqttQos.AtLeastOnce);
        MqttMessage next = await watched.NextAsync();
        Assert.Equal("marker", MessageInbox.Text(next));
    }
}
