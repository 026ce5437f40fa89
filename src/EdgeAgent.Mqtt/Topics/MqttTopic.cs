using System.Text;

namespace EdgeAgent.Mqtt.Topics;

/// <summary>MQTT topic names (what is published to) and topic filters (what is subscribed to): checks and matching.</summary>
public static class MqttTopic
{
    /// <summary>The longest topic MQTT can carry, in UTF-8 bytes.</summary>
    public const int MaxLength = 65535;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether <paramref name="topic"/> can be published to; otherwise <paramref name="problem"/> says why.</summary>
    public static bool IsValidTopicName(string topic, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(topic);
        problem = CommonProblem(topic);
        if (problem is null)
        {
            int wildcard = topic.AsSpan().IndexOfAny('+', '#');
            if (wildcard >= 0)
            {
                problem = $"it contains the wildcard '{topic[wildcard]}', which only subscription filters may use";
            }
        }

        return problem is null;
    }

    /// <summary>Whether <paramref name="filter"/> can be subscribed to; otherwise <paramref name="problem"/> says why.</summary>
    public static bool IsValidTopicFilter(string filter, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(filter);
        problem = CommonProblem(filter);
        if (problem is not null)
        {
            return false;
        }

        string[] levels = filter.Split('/');
        for (int i = 0; i < levels.Length; i++)
        {
            string level = levels[i];
            if (level.Contains('#', StringComparison.Ordinal) && (level.Length != 1 || i != levels.Length - 1))
            {
                problem = "'#' must be the last level of the filter, alone, as in 'edge/fleet1/#'";
                return false;
            }

            if (level.Contains('+', StringComparison.Ordinal) && level.Length != 1)
            {
                problem = "'+' must fill a whole level, as in 'edge/+/status'";
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a message published to <paramref name="topic"/> matches <paramref name="filter"/>: '+' matches one level,
    /// a final '#' the parent level and everything below it; wildcards at the first level never match topics starting with '$'.
    /// </summary>
    public static bool Matches(string filter, string topic)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(topic);
        if (topic.StartsWith('$') && (filter.StartsWith('+') || filter.StartsWith('#')))
        {
            return false;
        }

        string[] filterLevels = filter.Split('/');
        string[] topicLevels = topic.Split('/');
        for (int i = 0; i < filterLevels.Length; i++)
        {
            if (filterLevels[i] == "#")
            {
                return true;
            }

            if (i >= topicLevels.Length)
            {
                return false;
            }

            if (filterLevels[i] != "+" && filterLevels[i] != topicLevels[i])
            {
                return false;
            }
        }

        return filterLevels.Length == topicLevels.Length;
    }

    /// <exception cref="ArgumentException"><paramref name="topic"/> cannot be published to; the message says why.</exception>
    internal static void ThrowIfInvalidTopicName(string topic, string paramName)
    {
        ArgumentNullException.ThrowIfNull(topic, paramName);
        if (!IsValidTopicName(topic, out string? problem))
        {
            throw new ArgumentException($"Cannot publish to the topic '{Printable(topic)}': {problem}.", paramName);
        }
    }

    /// <exception cref="ArgumentException"><paramref name="filter"/> cannot be subscribed to; the message says why.</exception>
    internal static void ThrowIfInvalidTopicFilter(string filter, string paramName)
    {
        ArgumentNullException.ThrowIfNull(filter, paramName);
        if (!IsValidTopicFilter(filter, out string? problem))
        {
            throw new ArgumentException($"Cannot subscribe to the topic filter '{Printable(filter)}': {problem}.", paramName);
        }
    }

    private static string? CommonProblem(string text)
    {
        if (text.Length == 0)
        {
            return "it is empty";
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return "it contains the null character U+0000";
        }

        int bytes;
        try
        {
            bytes = StrictUtf8.GetByteCount(text);
        }
        catch (EncoderFallbackException)
        {
            return "it is not valid Unicode (it has a lone surrogate)";
        }

        return bytes > MaxLength ? $"it is {bytes} bytes long in UTF-8; MQTT allows at most {MaxLength}" : null;
    }

    private static string Printable(string text) =>
        (text.Length > 200 ? string.Concat(text.AsSpan(0, 200), "...") : text).Replace("\0", "\\0", StringComparison.Ordinal);
}
