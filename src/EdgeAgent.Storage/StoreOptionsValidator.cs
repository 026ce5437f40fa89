using System.Globalization;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Storage;

/// <summary>Checks <see cref="StoreOptions"/> and names each bad setting.</summary>
public sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    private const long MinSizeCap = 64 * 1024;
    private const long MaxSizeCap = 1L << 40;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        string s = StoreOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            errors.Add($"{s}:{nameof(options.Path)} is empty; it must name the database file.");
        }
        else if (options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0 || options.Path.EndsWith('/'))
        {
            errors.Add($"{s}:{nameof(options.Path)} '{options.Path}' is not a file path.");
        }

        if (options.SizeCapBytes is < MinSizeCap or > MaxSizeCap)
        {
            errors.Add(Invariant($"{s}:{nameof(options.SizeCapBytes)} is {options.SizeCapBytes}; it must be between {MinSizeCap} (64 KiB) and {MaxSizeCap} (1 TiB)."));
        }

        if (!Enum.IsDefined(options.Durability))
        {
            errors.Add($"{s}:{nameof(options.Durability)} is {options.Durability}; it must be Normal or Full.");
        }

        if (!Enum.IsDefined(options.OnCorrupt))
        {
            errors.Add($"{s}:{nameof(options.OnCorrupt)} is {options.OnCorrupt}; it must be Throw or MoveAsideAndRecreate.");
        }

        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add(Invariant($"{s}:{nameof(options.BusyTimeout)} is {options.BusyTimeout}; it must be between 0 and 10 minutes."));
        }

        if (options.MaxPageCount is { } pages && (pages < 16 || pages > uint.MaxValue - 1))
        {
            errors.Add(Invariant($"{s}:{nameof(options.MaxPageCount)} is {pages}; when set it must be between 16 and {uint.MaxValue - 1}."));
        }

        RetentionOptions? r = options.Retention;
        string rs = $"{s}:{nameof(options.Retention)}";
        if (r is null)
        {
            errors.Add($"{rs} is missing.");
        }
        else
        {
            if (r.ThinPredictionsOlderThan < TimeSpan.Zero || r.ThinPredictionsOlderThan > TimeSpan.FromDays(3650))
            {
                errors.Add(Invariant($"{rs}:{nameof(r.ThinPredictionsOlderThan)} is {r.ThinPredictionsOlderThan}; it must be between 0 and 3650 days."));
            }

            if (r.ThinKeepEvery is < 2 or > 1_000_000)
            {
                errors.Add(Invariant($"{rs}:{nameof(r.ThinKeepEvery)} is {r.ThinKeepEvery}; it must be between 2 and 1000000."));
            }

            if (double.IsNaN(r.TargetFraction) || r.TargetFraction < 0.1 || r.TargetFraction > 1)
            {
                errors.Add(Invariant($"{rs}:{nameof(r.TargetFraction)} is {r.TargetFraction}; it must be between 0.1 and 1."));
            }

            if (r.DeleteChunkRows is < 1 or > 1_000_000)
            {
                errors.Add(Invariant($"{rs}:{nameof(r.DeleteChunkRows)} is {r.DeleteChunkRows}; it must be between 1 and 1000000."));
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
