using EdgeAgent.Devices.Drivers;
using Microsoft.Extensions.Options;
using static EdgeAgent.Sensing.OptionsText;

namespace EdgeAgent.Sensing.I2c;

/// <summary>Checks <see cref="Adxl345SourceOptions"/> and names each bad setting (<c>Sensors:Adxl345:Rate</c> and so on).</summary>
public sealed class Adxl345SourceOptionsValidator : IValidateOptions<Adxl345SourceOptions>
{
    internal const double MaxRate = 3200;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, Adxl345SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Collect(options, Adxl345SourceOptions.SectionName, errors);
        return Result(errors);
    }

    internal static void Collect(Adxl345SourceOptions o, string s, List<string> errors)
    {
        if (o.Bus < 0)
        {
            errors.Add(Invariant($"{s}:Bus is {o.Bus}; it must be 0 or more (/dev/i2c-N)."));
        }
        if (o.Address is not (Adxl345.DefaultI2cAddress or Adxl345.AlternateI2cAddress))
        {
            errors.Add(Invariant($"{s}:Address is 0x{o.Address:X2}; an ADXL345 answers at 0x53 (83, SDO low) or 0x1D (29, SDO high)."));
        }

        if (!IsPositive(o.Rate) || o.Rate > MaxRate)
        {
            errors.Add(Invariant($"{s}:Rate is {o.Rate}; it must be above 0 and at most {MaxRate} rows per second (the chip's fastest output rate)."));
        }

        if (!Enum.IsDefined(o.Range))
        {
            errors.Add($"{s}:Range is {o.Range}; it must be one of {string.Join(", ", Enum.GetNames<Adxl345Range>())}.");
        }

        string?[] names = [o.XName, o.YName, o.ZName];
        string[] settings = ["XName", "YName", "ZName"];
        for (int i = 0; i < names.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                errors.Add($"{s}:{settings[i]} is blank.");
            }
            else if (Array.FindIndex(names, n => string.Equals(n, names[i], StringComparison.Ordinal)) < i)
            {
                errors.Add($"{s}:{settings[i]} '{names[i]}' is also another axis's name.");
            }
        }
    }

    internal static void ThrowIfInvalid(Adxl345SourceOptions options)
    {
        var errors = new List<string>();
        Collect(options, Adxl345SourceOptions.SectionName, errors);
        ThrowIfAny(errors, nameof(options));
    }
}
