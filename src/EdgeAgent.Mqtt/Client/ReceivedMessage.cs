namespace EdgeAgent.Mqtt.Client;

/// <summary>A received message and the subscription identifiers the broker attached (one per matching subscription).</summary>
internal sealed record ReceivedMessage(MqttMessage Message, uint[] SubscriptionIds);
