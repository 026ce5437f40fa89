using EdgeAgent.Mqtt.Topics;
using Microsoft.Extensions.Options;
using static EdgeAgent.Fleet.OptionsText;

namespace EdgeAgent.Fleet.Outbox;

/// <summary>Checks <see cref="UplinkOptions"/> and names each bad setting (<c>Uplink:MaxInFlight</c> and so on).</summary>
public sealed class UplinkOptionsValidator : IValidateOptions<UplinkOptions>
{
    private const string S = UplinkOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, UplinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        CheckTopics(options, errors);
        CheckRange(errors, "MaxInFlight", options.MaxInFlight, 1, 1000);
        CheckRange(errors, "PredictionBatchSize", options.PredictionBatchSize, 1, 10_000);
        CheckRange(errors, "PredictionBatchDelay", options.PredictionBatchDelay, TimeSpan.Zero, TimeSpan.FromHours(1));
        if (options.CompressAbove is { } above)
        {
            CheckRange(errors, "CompressAbove", above, 0, 16 * 1024 * 1024);
        }

        if (options.DailyByteBudget is { } budget)
        {
            CheckRange(errors, "DailyByteBudget", budget, 1024, 1L << 40);
        }

        CheckRange(errors, "RetryDelay", options.RetryDelay, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
        CheckRange(errors, "AlertPollInterval", options.AlertPollInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));
        CheckRange(errors, "StopGrace", options.StopGrace, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        return Result(errors);
    }

    private static void CheckTopics(UplinkOptions o, List<string> errors)
    {
        CheckLevel(errors, "Fleet", o.Fleet, required: true);
        CheckLevel(errors, "Device", o.Device, required: false);
        if (string.IsNullOrWhiteSpace(o.TopicPrefix))
        {
            errors.Add($"{S}:TopicPrefix is empty; it must be a topic such as edge/{{fleet}}/{{device}}.");
            return;
        }

        string sample = o.TopicPrefix.Replace("{fleet}", "f", StringComparison.Ordinal).Replace("{device}", "d", StringComparison.Ordinal);
        if (!MqttTopic.IsValidTopicName(sample + "/predictions", out string? problem))
        {
            errors.Add($"{S}:TopicPrefix '{o.TopicPrefix}' cannot start a topic: {problem}.");
        }
        else if (sample.EndsWith('/') || sample.Contains('{', StringComparison.Ordinal))
        {
            errors.Add($"{S}:TopicPrefix '{o.TopicPrefix}' must not end with '/' and may use only the placeholders {{fleet}} and {{device}}.");
        }
    }

    private static void CheckLevel(List<string> errors, string setting, string? value, bool required)
    {
        if (value is null && !required)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{S}:{setting} is empty; it names a level of the device's topics, such as {(setting == "Fleet" ? "plant-7" : "jetson-0042")}.");
        }
        else if (value.Any(c => char.IsControl(c) || c is '/' or '+' or '#'))
        {
            errors.Add($"{S}:{setting} '{value}' contains a control character or one of '/', '+', '#'; it is one level of a topic.");
        }
    }

    private static void CheckRange<T>(List<string> errors, string setting, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            errors.Add(Invariant($"{S}:{setting} is {Show(value)}; it must be between {Show(min)} and {Show(max)}."));
        }
    }

    private static string Show<T>(T value) => value is TimeSpan t ? Duration(t) : Invariant($"{value}");
}
