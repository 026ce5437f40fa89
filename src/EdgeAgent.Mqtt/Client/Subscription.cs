namespace EdgeAgent.Mqtt.Client;

/// <summary>A registered subscription: sent at every connect; <see cref="Id"/> is its MQTT 5 subscription identifier.</summary>
internal sealed record Subscription(string Filter, MqttQos Qos, Func<MqttMessage, CancellationToken, Task> Handler, uint Id);

