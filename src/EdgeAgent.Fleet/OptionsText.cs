using System.Globalization;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Fleet;

/// <summary>Helpers for messages: invariant formatting, durations as a person writes them.</summary>
internal static class OptionsText
{
    /// <summary>Formats with the invariant culture, so messages read the same on every device.</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A duration as a person writes it: 0.25 s, 30 s, 1.5 min, 2 h.</summary>
    public static string Duration(TimeSpan value) => value.Duration() switch
    {
        var d when d >= TimeSpan.FromHours(2) => Invariant($"{value.TotalHours:0.##} h"),
        var d when d >= TimeSpan.FromMinutes(2) => Invariant($"{value.TotalMinutes:0.##} min"),
        _ => Invariant($"{value.TotalSeconds:0.###} s"),
    };

    /// <summary>The validation result for the collected errors.</summary>
    public static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
