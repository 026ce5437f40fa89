namespace EdgeAgent.Mqtt.Client;

/// <summary>libmosquitto or the broker refused an MQTT operation; the message says which and why.</summary>
public class MqttException : Exception
{
    public MqttException()
    {
    }

    public MqttException(string message)
        : base(message)
    {
    }

    public MqttException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the MQTT 5 reason code the broker answered (such as 0x87, not authorized).</summary>
    public MqttException(string message, int reasonCode)
        : base(message)
    {
        ReasonCode = reasonCode;
    }

    /// <summary>The MQTT 5 reason code the broker answered, when the broker refused; otherwise null.</summary>
    public int? ReasonCode { get; }
}
