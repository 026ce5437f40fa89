using System.CommandLine.Parsing;
using System.Globalization;

namespace EdgeAgent.FleetWatch.Watching;

/// <summary>Parses durations written as <c>500ms</c>, <c>10s</c>, <c>5m</c>, <c>2h</c>, a number of seconds, or <c>hh:mm:ss</c>.</summary>
internal static class DurationArgument
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim();
        (string number, double scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (text[..^2], 0.001),
            _ when text.EndsWith('s') || text.EndsWith('S') => (text[..^1], 1),
            _ when text.EndsWith('m') || text.EndsWith('M') => (text[..^1], 60),
            _ when text.EndsWith('h') || text.EndsWith('H') => (text[..^1], 3600),
            _ => (text, 1),
        };
        if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) && value * scale < TimeSpan.MaxValue.TotalSeconds)
        {
            duration = TimeSpan.FromSeconds(value * scale);
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
    }

    /// <summary>A System.CommandLine parser for an option of at least <paramref name="minimum"/>.</summary>
    public static Func<ArgumentResult, TimeSpan> Parser(string option, TimeSpan minimum) => result =>
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (!TryParse(text, out TimeSpan duration))
        {
            result.AddError($"{option}: '{text}' is not a duration (such as 500ms, 10s, 5m, 1h).");
        }
        else if (duration < minimum)
        {
            result.AddError($"{option}: {text} is too short; at least {minimum.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms.");
        }

        return duration;
    };
}
