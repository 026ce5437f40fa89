using System.Globalization;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Sensing;

/// <summary>Helpers the options validators share.</summary>
internal static class OptionsText
{
    /// <summary>Formats with the invariant culture, so messages read the same on every device.</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="value"/> is a finite number above 0.</summary>
    public static bool IsPositive(double value) => value > 0 && double.IsFinite(value);

    /// <summary>Whether <paramref name="value"/> is a finite number, 0 or more.</summary>
    public static bool IsNonNegative(double value) => value >= 0 && double.IsFinite(value);

    /// <summary>The validation result for the collected errors.</summary>
    public static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

    /// <summary>Throws <see cref="ArgumentException"/> listing the errors, for constructors given options directly.</summary>
    public static void ThrowIfAny(List<string> errors, string paramName)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), paramName);
        }
    }
}
