namespace EdgeAgent.Sensing.Mqtt;

/// <summary>
/// One channel of an MQTT source (an entry of <c>Sensors:Mqtt:Channels</c>): the topic its readings are published to
/// and, for JSON objects, the field that holds the value. See <see cref="MqttSource"/> for the payload contract.
/// </summary>
public sealed class MqttChannelOptions
{
    /// <summary>The channel's name in rows and model packages, e.g. <c>vib_x</c>. Required, unique.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// The topic its readings arrive on, e.g. <c>plant/line1/press7/vib_x</c>: a topic name, no wildcards. Several
    /// channels may share a topic and read different fields of the same message. Required.
    /// </summary>
    public string Topic { get; set; } = "";

    /// <summary>
    /// The field of a JSON object payload that holds the value, as a dotted path such as <c>values.vib_x</c> or
    /// <c>temperature</c> (field names containing dots cannot be reached). Default (unset): the payload is a bare
    /// number, or an object whose <c>v</c> field holds the value.
    /// </summary>
    public string? Field { get; set; }

    /// <summary>Units of the values, e.g. <c>g</c>. Default empty.</summary>
    public string Units { get; set; } = "";
}
