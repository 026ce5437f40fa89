using Microsoft.Extensions.Options;
using static EdgeAgent.Sensing.OptionsText;

namespace EdgeAgent.Sensing.Iio;

/// <summary>Checks <see cref="IioSourceOptions"/> and names each bad setting (<c>Sensors:Iio:Device</c> and so on).</summary>
public sealed class IioSourceOptionsValidator : IValidateOptions<IioSourceOptions>
{
    internal const double MaxRate = 10_000;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, IioSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Collect(options, IioSourceOptions.SectionName, errors);
        return Result(errors);
    }

    internal static void Collect(IioSourceOptions o, string s, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(o.SysfsRoot))
        {
            errors.Add($"{s}:SysfsRoot is empty; it must name the IIO device directory (usually /sys/bus/iio/devices).");
        }
        else if (!Directory.Exists(o.SysfsRoot))
        {
            errors.Add($"{s}:SysfsRoot '{o.SysfsRoot}' does not exist; is the sensor's IIO driver loaded?");
        }

        if (string.IsNullOrWhiteSpace(o.Device))
        {
            errors.Add($"{s}:Device is empty; it must be the device's name (e.g. adxl345) or number (0 for iio:device0).");
        }

        if (!IsPositive(o.Rate) || o.Rate > MaxRate)
        {
            errors.Add(Invariant($"{s}:Rate is {o.Rate}; it must be above 0 and at most {MaxRate} rows per second."));
        }

        if (o.Channels is null || o.Channels.Count == 0)
        {
            errors.Add($"{s}:Channels is empty; map at least one IIO channel id (e.g. accel_x) to a name.");
            return;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string id, IioChannelOptions? channel) in o.Channels)
        {
            string cs = $"{s}:Channels:{id}";
            if (string.IsNullOrWhiteSpace(id))
            {
                errors.Add($"{s}:Channels has a blank channel id.");
                continue;
            }

            if (channel is null)
            {
                errors.Add($"{cs} is empty.");
                continue;
            }

            string name = channel.Name ?? id;
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add($"{cs}:Name is blank.");
            }
            else if (!names.TryAdd(name, id))
            {
                errors.Add($"{cs}:Name '{name}' is also the name of channel {names[name]}.");
            }

            if (!double.IsFinite(channel.Scale) || channel.Scale == 0)
            {
                errors.Add(Invariant($"{cs}:Scale is {channel.Scale}; it must be a finite number other than 0."));
            }

            if (!double.IsFinite(channel.Offset))
            {
                errors.Add(Invariant($"{cs}:Offset is {channel.Offset}; it must be a finite number."));
            }
        }
    }

    internal static void ThrowIfInvalid(IioSourceOptions options)
    {
        var errors = new List<string>();
        Collect(options, IioSourceOptions.SectionName, errors);
        ThrowIfAny(errors, nameof(options));
    }
}
