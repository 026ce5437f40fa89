using System.Globalization;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Drift;

/// <summary>Helpers for option messages and log text.</summary>
internal static class OptionsText
{
    /// <summary>Formats with the invariant culture, so messages read the same on every device.</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number as a person would write it in configuration: 3.17, not 3.1700000000000004.</summary>
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>The validation result for the collected errors.</summary>
    public static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
