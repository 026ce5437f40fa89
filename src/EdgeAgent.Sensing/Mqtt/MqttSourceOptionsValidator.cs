using EdgeAgent.Mqtt.Client;
using EdgeAgent.Mqtt.Topics;
using Microsoft.Extensions.Options;
using static EdgeAgent.Sensing.OptionsText;

namespace EdgeAgent.Sensing.Mqtt;

/// <summary>
/// Checks <see cref="MqttSourceOptions"/> and names each bad setting (<c>Sensors:Mqtt:SampleRate</c> and so on). The
/// connection settings are checked by <see cref="MqttClientOptionsValidator"/>, with its messages naming them under
/// <c>Sensors:Mqtt</c>.
/// </summary>
public sealed class MqttSourceOptionsValidator : IValidateOptions<MqttSourceOptions>
{
    internal const double MaxSampleRate = 10_000;
    internal const int MaxQueueCapacity = 1_000_000;
    internal static readonly TimeSpan MaxStaleAfter = TimeSpan.FromDays(1);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MqttSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Collect(options, MqttSourceOptions.SectionName, errors);
        return Result(errors);
    }

    internal static void Collect(MqttSourceOptions o, string s, List<string> errors)
    {
        CheckConnection(o, s, errors);
        if (!IsPositive(o.SampleRate))
        {
            errors.Add(Invariant($"{s}:SampleRate is {o.SampleRate}; it must be above 0."));
        }
        else if (o.SampleRate > MaxSampleRate)
        {
            errors.Add(Invariant($"{s}:SampleRate is {o.SampleRate}; it must be at most {MaxSampleRate} rows per second."));
        }

        if (o.StaleAfter <= TimeSpan.Zero || o.StaleAfter > MaxStaleAfter)
        {
            errors.Add($"{s}:StaleAfter is {o.StaleAfter}; it must be above 0 and at most {MaxStaleAfter}.");
        }

        if (o.QueueCapacity is < 1 or > MaxQueueCapacity)
        {
            errors.Add(Invariant($"{s}:QueueCapacity is {o.QueueCapacity}; it must be from 1 to {MaxQueueCapacity}."));
        }

        if (!Enum.IsDefined(o.Qos))
        {
            errors.Add($"{s}:Qos is {o.Qos}; it must be AtMostOnce or AtLeastOnce.");
        }

        bool filterOk = true;
        if (o.Topic is { } filter && !MqttTopic.IsValidTopicFilter(filter, out string? problem))
        {
            errors.Add($"{s}:Topic '{filter}' cannot be subscribed to: {problem}.");
            filterOk = false;
        }

        CheckChannels(o, s, filterOk ? o.Topic : null, errors);
    }

    internal static void ThrowIfInvalid(MqttSourceOptions options)
    {
        var errors = new List<string>();
        Collect(options, MqttSourceOptions.SectionName, errors);
        ThrowIfAny(errors, nameof(options));
    }

    /// <summary>The MQTT client's own checks, its <c>Mqtt:</c> names moved under this section.</summary>
    private static void CheckConnection(MqttSourceOptions o, string s, List<string> errors)
    {
        ValidateOptionsResult result = new MqttClientOptionsValidator().Validate(null, o.ToClientOptions());
        if (result.Failed)
        {
            errors.AddRange(result.Failures.Select(f => f.Replace($"{MqttClientOptions.SectionName}:", $"{s}:", StringComparison.Ordinal)));
        }
    }

    private static void CheckChannels(MqttSourceOptions o, string s, string? filter, List<string> errors)
    {
        if (o.Channels is null || o.Channels.Count == 0)
        {
            errors.Add($"{s}:Channels is empty; list at least one channel with its Name and Topic.");
            return;
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < o.Channels.Count; i++)
        {
            string cs = Invariant($"{s}:Channels:{i}");
            if (o.Channels[i] is not { } channel)
            {
                errors.Add($"{cs} is empty.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(channel.Name))
            {
                errors.Add($"{cs}:Name is empty; it must be the channel's name in rows, e.g. vib_x.");
            }
            else if (!names.TryAdd(channel.Name, i))
            {
                errors.Add(Invariant($"{cs}:Name '{channel.Name}' is also the name of {s}:Channels:{names[channel.Name]}."));
            }

            if (string.IsNullOrWhiteSpace(channel.Topic))
            {
                errors.Add($"{cs}:Topic is empty; it must be the topic the channel's readings are published to.");
            }
            else if (!MqttTopic.IsValidTopicName(channel.Topic, out string? problem))
            {
                errors.Add($"{cs}:Topic '{channel.Topic}' is not a topic name: {problem}.");
            }
            else if (filter is not null && !MqttTopic.Matches(filter, channel.Topic))
            {
                errors.Add($"{cs}:Topic '{channel.Topic}' does not match {s}:Topic '{filter}', so its readings would never arrive.");
            }

            if (channel.Field is { } field && (string.IsNullOrWhiteSpace(field) || field.Split('.').Any(string.IsNullOrWhiteSpace)))
            {
                errors.Add($"{cs}:Field '{field}' is not a field path; it must be names joined by dots, e.g. values.vib_x (or unset for a bare number or 'v').");
            }
        }
    }
}
