using EdgeAgent.Mqtt.Client;
using EdgeAgent.TestKit;

namespace EdgeAgent.Mqtt.Tests;

/// <summary>Client options for a test broker: quick reconnects so that outage tests stay short.</summary>
public static class TestOptions
{
    public static MqttClientOptions For(MosquittoBroker broker, string clientId) => new()
    {
        Host = broker.Host,
        Port = broker.Port,
        ClientId = clientId,
        MinReconnectDelay = TimeSpan.FromMilliseconds(50),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(400),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>A client id no other test uses (a broker takes over a session whose id connects again).</summary>
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];
}
