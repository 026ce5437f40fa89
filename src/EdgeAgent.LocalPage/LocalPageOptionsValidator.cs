using System.Globalization;
using Microsoft.Extensions.Options;

namespace EdgeAgent.LocalPage;

/// <summary>Checks <see cref="LocalPageOptions"/> and names each bad setting.</summary>
public sealed class LocalPageOptionsValidator : IValidateOptions<LocalPageOptions>
{
    /// <summary>The most hours of trend the page shows or answers for (30 days).</summary>
    public const int MaxTrendHours = 720;

    /// <summary>The shortest acknowledge token accepted.</summary>
    public const int MinTokenLength = 8;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LocalPageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        string s = LocalPageOptions.SectionName;
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (!LocalPageUrl.TryParse(options.Url, out LocalPageUrl? url, out string? urlError))
        {
            errors.Add($"{s}:{nameof(options.Url)} {urlError}.");
        }
        else if (!url.IsLoopback && string.IsNullOrEmpty(options.AckToken) && string.IsNullOrWhiteSpace(options.AckTokenFile))
        {
            errors.Add(
                $"{s}:{nameof(options.Url)} '{options.Url}' serves the page beyond this device (not a loopback address), so the acknowledge token " +
                $"must be chosen explicitly: set {s}:{nameof(options.AckToken)} or {s}:{nameof(options.AckTokenFile)}.");
        }

        if (!string.IsNullOrEmpty(options.AckToken) && TokenProblem(options.AckToken) is { } problem)
        {
            errors.Add($"{s}:{nameof(options.AckToken)} {problem}.");
        }

        if (!string.IsNullOrEmpty(options.AckTokenFile)
            && (string.IsNullOrWhiteSpace(options.AckTokenFile) || options.AckTokenFile.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || options.AckTokenFile.EndsWith('/')))
        {
            errors.Add($"{s}:{nameof(options.AckTokenFile)} '{options.AckTokenFile}' is not a file path.");
        }

        if (options.TrendHours is < 1 or > MaxTrendHours)
        {
            errors.Add(Invariant($"{s}:{nameof(options.TrendHours)} is {options.TrendHours}; it must be between 1 and {MaxTrendHours} (30 days)."));
        }

        if (options.RefreshSeconds is < 1 or > 3600)
        {
            errors.Add(Invariant($"{s}:{nameof(options.RefreshSeconds)} is {options.RefreshSeconds}; it must be between 1 and 3600."));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Why <paramref name="token"/> cannot be an acknowledge token (it travels in an HTTP header), or null when it can.</summary>
    internal static string? TokenProblem(string token)
    {
        if (token.Length < MinTokenLength)
        {
            return Invariant($"is {token.Length} characters long; it must be at least {MinTokenLength}");
        }

        foreach (char c in token)
        {
            if (c is < '!' or > '~')
            {
                return "holds a space, a control character or a non-ASCII character; it must be printable ASCII only";
            }
        }

        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
