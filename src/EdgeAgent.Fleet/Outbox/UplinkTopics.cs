using EdgeAgent.Mqtt.Topics;

namespace EdgeAgent.Fleet.Outbox;

/// <summary>The device's topics: <see cref="UplinkOptions.TopicPrefix"/> with the fleet and device filled in, then <c>/{stream}</c>.</summary>
public sealed class UplinkTopics
{
    private readonly Dictionary<string, string> _topics = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public UplinkTopics(string prefixTemplate, string fleet, string device)
    {
        ArgumentNullException.ThrowIfNull(prefixTemplate);
        ArgumentException.ThrowIfNullOrWhiteSpace(fleet);
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        Prefix = prefixTemplate.Replace("{fleet}", fleet, StringComparison.Ordinal).Replace("{device}", device, StringComparison.Ordinal);
        ThrowIfInvalid(Prefix, nameof(prefixTemplate));
    }

    /// <summary>The prefix, such as <c>edge/plant-7/jetson-0042</c>.</summary>
    public string Prefix { get; }

    /// <summary>The topic of <paramref name="stream"/>.</summary>
    /// <exception cref="ArgumentException">The stream would make an invalid topic.</exception>
    public string For(string stream)
    {
        lock (_gate)
        {
            if (!_topics.TryGetValue(stream, out string? topic))
            {
                topic = $"{Prefix}/{stream}";
                ThrowIfInvalid(topic, nameof(stream));
                _topics[stream] = topic;
            }

            return topic;
        }
    }

    private static void ThrowIfInvalid(string topic, string paramName)
    {
        if (!MqttTopic.IsValidTopicName(topic, out string? problem))
        {
            throw new ArgumentException($"Cannot publish to the topic '{topic}': {problem}.", paramName);
        }
    }
}
