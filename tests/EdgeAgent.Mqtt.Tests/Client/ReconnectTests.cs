using System.Text;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.TestKit;

namespace EdgeAgent.Mqtt.Tests.Client;

public sealed class ReconnectTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task BrokerRestart_ClientReconnectsBySelfAndSubscriptionHandlerFiresAgain()
    {
        var logger = new ListLogger();
        await using var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("reconnect")), logger);
        var inbox = new MessageInbox();
        await client.ConnectAsync();
        await client.SubscribeAsync("edge/f1/+/cmd/#", MqttQos.AtLeastOnce, inbox.Handle);
        await client.PublishAsync("edge/f1/d1/cmd/ping", Encoding.UTF8.GetBytes("before"), MqttQos.AtLeastOnce);
        Assert.Equal("before", MessageInbox.Text(await inbox.NextAsync()));

        Task<MqttDisconnectedEventArgs> lost = ClientSignals.NextDisconnected(client);
        await _broker.StopAsync();
        MqttDisconnectedEventArgs down = await lost;
        Assert.True(down.WasConnected);
        Assert.False(client.IsConnected);

        // While the broker is down, attempts fail and are retried with a backoff.
        MqttDisconnectedEventArgs failed = await ClientSignals.NextDisconnected(client, e => !e.WasConnected);
        Assert.Contains("refused", failed.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.InRange(failed.RetryDelay, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(400));

        Task<MqttConnectedEventArgs> back = ClientSignals.NextConnected(client);
        await _broker.RestartAsync();
        await back;
        Assert.True(client.IsConnected);
        Assert.Null(client.LastConnectError);

        // Retained, so it reaches the handler whether the re-subscription lands before or after it.
        await using var fleet = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("fleet")));
        await fleet.ConnectAsync();
        await fleet.PublishAsync("edge/f1/d1/cmd/rollback", Encoding.UTF8.GetBytes("after"), MqttQos.AtLeastOnce, retain: true);
        await inbox.WaitForPayloadAsync("after");

        Assert.Contains(logger.Entries, e => e.EventId.Id == 7003 && e.Message.StartsWith($"MQTT connection to 127.0.0.1:{_broker.Port} lost", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.EventId.Id == 7002 && e.Message.Contains("; retrying in ", StringComparison.Ordinal));
        Assert.Equal(2, logger.Entries.Count(e => e.EventId.Id == 7000));
    }

    [Fact]
    public async Task PublishAsync_QosOneWhileBrokerDown_StaysPendingAndCompletesOnPubackAfterRestart()
    {
        await using var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("outage")));
        await client.ConnectAsync();

        Task<MqttDisconnectedEventArgs> lost = ClientSignals.NextDisconnected(client);
        await _broker.StopAsync();
        await lost;

        Task publish = client.PublishAsync("edge/f1/d1/alerts", Encoding.UTF8.GetBytes("raised during outage"), MqttQos.AtLeastOnce, retain: true);
        Assert.False(publish.IsCompleted, publish.Exception?.ToString());

        // Two failed attempts later it is still waiting for its PUBACK.
        await ClientSignals.NextDisconnected(client, e => !e.WasConnected);
        await ClientSignals.NextDisconnected(client, e => !e.WasConnected);
        Assert.False(publish.IsCompleted);

        await _broker.RestartAsync();
        await publish.WaitAsync(TimeSpan.FromSeconds(10));

        // The broker really has it: a new subscriber gets it as the retained message.
        await using var reader = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("reader")));
        var inbox = new MessageInbox();
        await reader.ConnectAsync();
        await reader.SubscribeAsync("edge/f1/d1/alerts", MqttQos.AtLeastOnce, inbox.Handle);
        MqttMessage message = await inbox.NextAsync();
        Assert.Equal("raised during outage", MessageInbox.Text(message));
        Assert.True(message.Retain);
    }

    [Fact]
    public async Task PublishAsync_QosZeroWhileBrokerDown_FailsAtOnce()
    {
        await using var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("qos0")));
        await client.ConnectAsync();
        Task<MqttDisconnectedEventArgs> lost = ClientSignals.NextDisconnected(client);
        await _broker.StopAsync();
        await lost;

        var e = await Assert.ThrowsAsync<MqttException>(() => client.PublishAsync("t/1", "x"u8.ToArray(), MqttQos.AtMostOnce));
        Assert.Contains("not connected", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_NoBrokerYet_FailsWithReasonAndKeepsRetryingUntilItStarts()
    {
        await _broker.StopAsync();
        await using var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("early")));

        var e = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());
        Assert.Contains($"Cannot connect to the MQTT broker 127.0.0.1:{_broker.Port}", e.Message, StringComparison.Ordinal);
        Assert.Null(e.ReasonCode);
        Assert.NotNull(client.LastConnectError);

        Task<MqttConnectedEventArgs> connected = ClientSignals.NextConnected(client);
        await _broker.RestartAsync();
        await connected;
        Assert.True(client.IsConnected);
    }
}
