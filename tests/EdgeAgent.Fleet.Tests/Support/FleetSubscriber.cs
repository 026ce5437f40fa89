using EdgeAgent.Mqtt.Client;
using EdgeAgent.TestKit;

namespace EdgeAgent.Fleet.Tests.Support;

/// <summary>The fleet side for tests whose broker stays up: an MqttClient subscribed to the device's topics, keeping every message.</summary>
internal sealed class FleetSubscriber : IAsyncDisposable
{
    private readonly MqttClient _client;
    private readonly MessageLog _log = new();

    private FleetSubscriber(MqttClient client) => _client = client;

    public MessageLog Log => _log;

    public static async Task<FleetSubscriber> StartAsync(MosquittoBroker broker, string filter = "edge/#")
    {
        var client = new MqttClient(Harness.ClientOptions(broker.Port, Harness.UniqueId("fleet")));
        var subscriber = new FleetSubscriber(client);
        await client.ConnectAsync();
        await client.SubscribeAsync(filter, MqttQos.AtLeastOnce, (m, _) =>
        {
            subscriber._log.Add(new ReceivedUplink(m.Topic, m.Payload.ToArray(), m.UserProperties));
            return Task.CompletedTask;
        });
        return subscriber;
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
