using Microsoft.Extensions.Options;
using static EdgeAgent.Sensing.OptionsText;

namespace EdgeAgent.Sensing.Replay;

/// <summary>Checks <see cref="ReplayOptions"/> and names each bad setting (<c>Sensors:Replay:Path</c> and so on).</summary>
public sealed class ReplayOptionsValidator : IValidateOptions<ReplayOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Collect(options, ReplayOptions.SectionName, checkFile: true, errors);
        return Result(errors);
    }

    /// <summary>Adds a message for each bad setting; <paramref name="checkFile"/> also checks that the file exists.</summary>
    internal static void Collect(ReplayOptions o, string s, bool checkFile, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(o.Path))
        {
            errors.Add($"{s}:Path is empty; it must name the file to replay.");
        }
        else if (checkFile && !File.Exists(o.Path))
        {
            errors.Add(Directory.Exists(o.Path)
                ? $"{s}:Path '{o.Path}' is a directory; it must name a file."
                : $"{s}:Path '{o.Path}' does not exist.");
        }

        bool csv = o.Format == ReplayFormat.Csv;
        if (!Enum.IsDefined(o.Format))
        {
            errors.Add($"{s}:Format is {o.Format}; it must be Csv or Cmapss.");
        }

        if (!Enum.IsDefined(o.OnBadRow))
        {
            errors.Add($"{s}:OnBadRow is {o.OnBadRow}; it must be Fail or Skip.");
        }

        if (o.Rate is { } rate && !IsNonNegative(rate))
        {
            errors.Add(Invariant($"{s}:Rate is {rate}; it must be above 0 (rows per second) or 0 (as fast as read)."));
        }
        else if (o.Rate is null && !(csv && !string.IsNullOrWhiteSpace(o.TimeColumn)))
        {
            errors.Add(csv
                ? $"{s}:Rate is not set and there is no {s}:TimeColumn to pace by; set Rate (rows per second, or 0 for as fast as read) or TimeColumn."
                : $"{s}:Rate is not set; C-MAPSS files have no time column, so set Rate (cycles per second, or 0 for as fast as read).");
        }

        if (o.TimeColumn is { } time)
        {
            if (!csv)
            {
                errors.Add($"{s}:TimeColumn is '{time}'; C-MAPSS files have no time column.");
            }
            else if (string.IsNullOrWhiteSpace(time))
            {
                errors.Add($"{s}:TimeColumn is blank; name a column or leave it out.");
            }
        }

        if (o.Unit is { } unit)
        {
            if (csv)
            {
                errors.Add(Invariant($"{s}:Unit is {unit}; only C-MAPSS files have units (Format Cmapss)."));
            }
            else if (unit < 1)
            {
                errors.Add(Invariant($"{s}:Unit is {unit}; engine units are numbered from 1."));
            }
        }

        if (o.Channels is { } channels)
        {
            if (channels.Count == 0)
            {
                errors.Add($"{s}:Channels is empty; name at least one column or leave it out for all.");
            }

            for (int i = 0; i < channels.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(channels[i]))
                {
                    errors.Add(Invariant($"{s}:Channels:{i} is blank."));
                }
                else if (channels.FindIndex(c => string.Equals(c, channels[i], StringComparison.Ordinal)) < i)
                {
                    errors.Add(Invariant($"{s}:Channels:{i} '{channels[i]}' is listed twice."));
                }
                else if (string.Equals(channels[i], o.TimeColumn, StringComparison.Ordinal))
                {
                    errors.Add(Invariant($"{s}:Channels:{i} '{channels[i]}' is the time column."));
                }
            }
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming each bad setting, leaving the file's existence to the source.</summary>
    internal static void ThrowIfInvalid(ReplayOptions options)
    {
        var errors = new List<string>();
        Collect(options, ReplayOptions.SectionName, checkFile: false, errors);
        ThrowIfAny(errors, nameof(options));
    }
}
