namespace EdgeAgent.Mqtt.Client;

/// <summary>What the network thread and libmosquitto's callbacks hand to the event dispatcher; plain copies, no native pointers.</summary>
internal abstract record ClientEvent;

/// <summary>CONNACK arrived; 0 is success, 0x80 and above a refusal.</summary>
internal sealed record ConnAckEvent(int ReasonCode) : ClientEvent;

/// <summary>PUBACK arrived for a QoS 1 publish (or a QoS 0 publish was written); 0x80 and above is a refusal.</summary>
internal sealed record PublishAckEvent(int MessageId, int ReasonCode) : ClientEvent;

/// <summary>SUBACK arrived with the granted QoS (or a refusal, 0x80 and above) for each filter of the SUBSCRIBE.</summary>
internal sealed record SubscribeAckEvent(int MessageId, int[] Granted) : ClientEvent;

/// <summary>libmosquitto logged a warning or an error (such as OpenSSL's reason for a failed handshake).</summary>
internal sealed record NativeLogEvent(int Level, string Text) : ClientEvent;

/// <summary>
/// A connection ended or an attempt failed. <paramref name="RetryDelay"/> is null when the client is stopping;
/// <paramref name="RefusalCode"/> is the CONNACK reason when the broker refused.
/// </summary>
internal sealed record LinkEndedEvent(bool WasConnected, string Reason, int? RefusalCode, TimeSpan? RetryDelay) : ClientEvent;

/// <summary>The network loop caught an unexpected exception and carries on after a backoff.</summary>
internal sealed record NetworkFaultEvent(Exception Exception) : ClientEvent;
