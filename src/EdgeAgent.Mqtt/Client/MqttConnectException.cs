namespace EdgeAgent.Mqtt.Client;

/// <summary>
/// A connection attempt failed: the broker refused the CONNECT (<see cref="MqttException.ReasonCode"/> set, such as 0x86
/// bad user name or password), or the TCP or TLS connection failed. The client keeps retrying in the background.
/// </summary>
public sealed class MqttConnectException : MqttException
{
    public MqttConnectException()
    {
    }

    public MqttConnectException(string message)
        : base(message)
    {
    }

    public MqttConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MqttConnectException(string message, int reasonCode)
        : base(message, reasonCode)
    {
    }
}
