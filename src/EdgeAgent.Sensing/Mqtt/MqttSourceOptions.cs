using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.Sensing.Mqtt;

/// <summary>
/// Readings other local devices publish to an MQTT broker, held and sampled into rows at a fixed rate
/// (<see cref="MqttSource"/>). Bound from the <c>Sensors:Mqtt</c> section. The connection settings mean what those of
/// the agent's own <c>Mqtt</c> section mean (<see cref="MqttClientOptions"/>), and are checked the same way.
/// </summary>
public sealed class MqttSourceOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Sensors:Mqtt";

    /// <summary>The broker's host name or IP address. Default <c>localhost</c>.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>The broker's port, 1 to 65535. Default (unset): 1883, or 8883 with <see cref="UseTls"/>.</summary>
    public int? Port { get; set; }

    /// <summary>
    /// The MQTT client id; it must differ from every other client of the broker, the agent's own connection included.
    /// Default (unset): the host name followed by <c>-sensors</c>.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>The user name for the broker's password check. Default none.</summary>
    public string? Username { get; set; }

    /// <summary>The password; needs <see cref="Username"/>. Default none.</summary>
    public string? Password { get; set; }

    /// <summary>Whether the connection uses TLS (the broker certificate is always verified). Default false.</summary>
    public bool UseTls { get; set; }

    /// <summary>The PEM file of the CA that signed the broker certificate; needs <see cref="UseTls"/>. Default (unset): the system's trust store.</summary>
    public string? CaFile { get; set; }

    /// <summary>A PEM client certificate; needs <see cref="UseTls"/> and <see cref="KeyFile"/>. Default none.</summary>
    public string? CertFile { get; set; }

    /// <summary>The unencrypted PEM private key of <see cref="CertFile"/>. Default none.</summary>
    public string? KeyFile { get; set; }

    /// <summary>
    /// The topic filter to subscribe to, e.g. <c>plant/line1/press7/#</c>; every channel's topic must match it, and a
    /// message on a topic no channel reads is rejected (counted and logged). Default (unset): one subscription per
    /// channel topic.
    /// </summary>
    public string? Topic { get; set; }

    /// <summary>The QoS to subscribe with. Default <see cref="MqttQos.AtMostOnce"/> (readings are replaced by the next one anyway).</summary>
    public MqttQos Qos { get; set; } = MqttQos.AtMostOnce;

    /// <summary>The channels, in row order. Required, at least one.</summary>
    public List<MqttChannelOptions> Channels { get; set; } = [];

    /// <summary>
    /// Rows per second: each row holds the last value of each channel at its time (sample and hold). Required (the
    /// feature stage needs a rate); above 0, at most 10000.
    /// </summary>
    public double SampleRate { get; set; }

    /// <summary>
    /// How long a channel's last value is held: a row more than this after the value arrived holds NaN for the
    /// channel (so the quality stage flags it), as does every row before its first value. A message whose own time
    /// (<c>t</c>) is older than this when it arrives is rejected. Default 5 s. Above 0, at most 1 day.
    /// </summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many received values may wait for the reader; when more arrive the oldest are dropped and counted
    /// (<see cref="MqttSource.DroppedValues"/>). Default 10000. Range 1 to 1000000.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary><see cref="ClientId"/>, or its default.</summary>
    public string EffectiveClientId() => ClientId ?? $"{Environment.MachineName}-sensors";

    /// <summary>The MQTT client settings these options give (the rest keep <see cref="MqttClientOptions"/>'s defaults; no Last Will).</summary>
    public MqttClientOptions ToClientOptions() => new()
    {
        Host = Host,
        Port = Port,
        ClientId = EffectiveClientId(),
        Username = Username,
        Password = Password,
        UseTls = UseTls,
        CaFile = CaFile,
        CertFile = CertFile,
        KeyFile = KeyFile,
    };
}
