using System.Text;

namespace EdgeAgent.Fleet.Payloads;

/// <summary>
/// The size of an MQTT 5 PUBLISH packet as it goes on the wire: fixed header (type byte and remaining length), topic,
/// packet id (QoS 1), property length and user properties, payload. TCP, IP and TLS framing come on top.
/// </summary>
public static class MqttWireSize
{
    /// <summary>The bytes of a PUBLISH of <paramref name="payloadLength"/> bytes to <paramref name="topic"/> with <paramref name="userProperties"/>.</summary>
    public static int Publish(string topic, IReadOnlyList<KeyValuePair<string, string>> userProperties, int payloadLength, bool qos1 = true)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(userProperties);
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        int properties = 0;
        foreach ((string name, string value) in userProperties)
        {
            properties += 1 + 2 + Encoding.UTF8.GetByteCount(name) + 2 + Encoding.UTF8.GetByteCount(value);
        }

        int remaining = 2 + Encoding.UTF8.GetByteCount(topic) + (qos1 ? 2 : 0) + VariableByteIntegerSize(properties) + properties + payloadLength;
        return 1 + VariableByteIntegerSize(remaining) + remaining;
    }

    /// <summary>How many bytes MQTT's variable byte integer takes for <paramref name="value"/> (1 to 4).</summary>
    public static int VariableByteIntegerSize(int value) => value switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(value), value, "MQTT lengths are not negative."),
        < 128 => 1,
        < 16_384 => 2,
        < 2_097_152 => 3,
        < 268_435_456 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "MQTT lengths stop at 268435455."),
    };
}
