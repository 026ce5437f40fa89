using System.Globalization;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Mqtt;

/// <summary>Helpers the options validator uses.</summary>
internal static class OptionsText
{
    /// <summary>Formats with the invariant culture, so messages read the same on every device.</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A duration as a person writes it: 0.25 s, 30 s, 1.5 min.</summary>
    public static string Duration(TimeSpan value) =>
        value.Duration() >= TimeSpan.FromMinutes(2)
            ? Invariant($"{value.TotalMinutes:0.##} min")
            : Invariant($"{value.TotalSeconds:0.###} s");

    /// <summary>The validation result for the collected errors.</summary>
    public static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
