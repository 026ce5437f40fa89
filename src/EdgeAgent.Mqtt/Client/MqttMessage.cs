namespace EdgeAgent.Mqtt.Client;

/// <summary>A message the broker delivered to a subscription; a copy that outlives the native callback.</summary>
public sealed class MqttMessage
{
    public MqttMessage(string topic, ReadOnlyMemory<byte> payload, MqttQos qos, bool retain, IReadOnlyList<KeyValuePair<string, string>> userProperties)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(userProperties);
        Topic = topic;
        Payload = payload;
        Qos = qos;
        Retain = retain;
        UserProperties = userProperties;
    }

    /// <summary>The topic it was published to.</summary>
    public string Topic { get; }

    /// <summary>The payload bytes.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The QoS it was delivered with (the lower of the publish and the subscription QoS).</summary>
    public MqttQos Qos { get; }

    /// <summary>Whether it is the broker's retained message for the topic, sent because the subscription was made.</summary>
    public bool Retain { get; }

    /// <summary>The MQTT 5 user properties, in the order the publisher gave them; names may repeat.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> UserProperties { get; }
}
