namespace EdgeAgent.Mqtt.Client;

/// <summary>The broker accepted the connection (CONNACK success); every subscription has been sent again.</summary>
public sealed class MqttConnectedEventArgs(string host, int port, string clientId) : EventArgs
{
    public string Host { get; } = host;

    public int Port { get; } = port;

    public string ClientId { get; } = clientId;
}
