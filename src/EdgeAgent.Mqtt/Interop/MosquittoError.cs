namespace EdgeAgent.Mqtt.Interop;

/// <summary>The <c>MOSQ_ERR_*</c> codes and option values the client looks at (mosquitto.h, mqtt_protocol.h).</summary>
internal static class MosquittoError
{
    public const int Success = 0;
    public const int NoConnection = 4;
    public const int Errno = 14;

    /// <summary><c>MOSQ_OPT_PROTOCOL_VERSION</c>.</summary>
    public const int OptionProtocolVersion = 1;

    /// <summary><c>MQTT_PROTOCOL_V5</c>.</summary>
    public const int ProtocolV5 = 5;

    /// <summary><c>MQTT_PROP_SUBSCRIPTION_IDENTIFIER</c>.</summary>
    public const int PropertySubscriptionIdentifier = 11;

    /// <summary><c>MQTT_PROP_USER_PROPERTY</c>.</summary>
    public const int PropertyUserProperty = 38;

    /// <summary><c>MQTT_RC_DISCONNECT_WITH_WILL_MSG</c>: a clean DISCONNECT after which the broker still publishes the Will.</summary>
    public const int DisconnectWithWill = 0x04;

    /// <summary><c>MOSQ_LOG_ERR</c>.</summary>
    public const int LogError = 0x08;

    /// <summary><c>MOSQ_LOG_WARNING</c>.</summary>
    public const int LogWarning = 0x04;
}
