namespace EdgeAgent.Mqtt.Client;

/// <summary>A QoS 1 publish waiting for its PUBACK.</summary>
internal sealed record PendingPublish(string Topic, TaskCompletionSource Completion);
