namespace EdgeAgent.Mqtt.Client;

/// <summary>The delivery guarantee of a publish or subscription. QoS 2 is not offered.</summary>
public enum MqttQos
{
    /// <summary>QoS 0: sent once, never acknowledged; lost if the link is down.</summary>
    AtMostOnce = 0,

    /// <summary>QoS 1: resent until the broker acknowledges it with PUBACK; may arrive twice.</summary>
    AtLeastOnce = 1,
}
