namespace EdgeAgent.Mqtt.Client;

/// <summary>A SUBSCRIBE waiting for its SUBACK; <see cref="Completion"/> is null for the ones sent again at a reconnect.</summary>
internal sealed record PendingSubscribe(Subscription Subscription, TaskCompletionSource? Completion);
