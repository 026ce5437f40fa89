namespace EdgeAgent.Mqtt.Client;

/// <summary>The connection to the MQTT broker. Bound from the <c>Mqtt</c> configuration section; see <see cref="MqttClientOptionsValidator"/> for the ranges.</summary>
public sealed class MqttClientOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Mqtt";

    /// <summary>The default port without TLS.</summary>
    public const int DefaultPort = 1883;

    /// <summary>The default port with TLS.</summary>
    public const int DefaultTlsPort = 8883;

    /// <summary>The broker's host name or IP address; with TLS it must match the broker certificate. Default <c>localhost</c>.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>The broker's port, 1 to 65535. Default (unset): 1883, or 8883 with <see cref="UseTls"/>.</summary>
    public int? Port { get; set; }

    /// <summary>
    /// The MQTT client id: the device id. Required; at most 128 characters, no control characters and none of '/', '+', '#'
    /// (it also names the device's topics). A second connection with the same id takes the first one over.
    /// </summary>
    public string ClientId { get; set; } = "";

    /// <summary>The user name for the broker's password check. Default none.</summary>
    public string? Username { get; set; }

    /// <summary>The password; needs <see cref="Username"/>. Default none.</summary>
    public string? Password { get; set; }

    /// <summary>Whether the connection uses TLS (the broker certificate is always verified, host name included). Default false.</summary>
    public bool UseTls { get; set; }

    /// <summary>The PEM file of the CA that signed the broker certificate; needs <see cref="UseTls"/>. Default (unset): the system's trust store, <c>/etc/ssl/certs</c>.</summary>
    public string? CaFile { get; set; }

    /// <summary>The device's PEM client certificate, for brokers that require one; needs <see cref="UseTls"/> and <see cref="KeyFile"/>. Default none.</summary>
    public string? CertFile { get; set; }

    /// <summary>The unencrypted PEM private key of <see cref="CertFile"/>. Default none.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The MQTT keepalive: a silent link is checked with PINGREQ after this long. Default 30 s. Range 5 s to 65535 s, whole seconds.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an attempt may take from the TCP connect to the broker's CONNACK. Default 10 s. Range 1 s to 5 min.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The shortest wait before a reconnect attempt. Default 1 s. Range 10 ms to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan MinReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before a reconnect attempt. Default 60 s. Range <see cref="MinReconnectDelay"/> to 1 h.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The topic of the Last Will, which the broker publishes when the device's link dies without a DISCONNECT: the device's
    /// status topic, <c>edge/{fleet}/{device}/status</c>. Default none (no Will).
    /// </summary>
    public string? WillTopic { get; set; }

    /// <summary>The Will's payload (UTF-8). Default <c>offline</c>.</summary>
    public string WillPayload { get; set; } = "offline";

    /// <summary>Whether the broker keeps the Will as the topic's retained message, so later subscribers see it. Default true.</summary>
    public bool WillRetain { get; set; } = true;

    /// <summary>The Will's QoS. Default <see cref="MqttQos.AtLeastOnce"/>.</summary>
    public MqttQos WillQos { get; set; } = MqttQos.AtLeastOnce;

    /// <summary>
    /// Whether a clean shutdown (disposing the client) also has the broker publish the Will (MQTT 5 DISCONNECT reason 0x04),
    /// so that the status topic says offline whenever the agent is not running. Default true.
    /// </summary>
    public bool PublishWillOnDisconnect { get; set; } = true;

    /// <summary>
    /// How many received messages may wait for their handlers; past it new ones are dropped and counted in the log
    /// (the network thread never waits for a handler). Default 10000. Range 1 to 1000000.
    /// </summary>
    public int MaxQueuedMessages { get; set; } = 10_000;

    /// <summary>The port actually used: <see cref="Port"/>, or the default for <see cref="UseTls"/>.</summary>
    public int EffectivePort => Port ?? (UseTls ? DefaultTlsPort : DefaultPort);
}
