using EdgeAgent.Devices.Drivers;
using Microsoft.Extensions.Options;
using static EdgeAgent.Sensing.OptionsText;

namespace EdgeAgent.Sensing.I2c;

/// <summary>Checks <see cref="Ads1115SourceOptions"/> and names each bad setting (<c>Sensors:Ads1115:Inputs:0:Name</c> and so on).</summary>
public sealed class Ads1115SourceOptionsValidator : IValidateOptions<Ads1115SourceOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, Ads1115SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Collect(options, Ads1115SourceOptions.SectionName, errors);
        return Result(errors);
    }

    /// <summary>The conversions per second of an ADS1115 data rate.</summary>
    internal static int SamplesPerSecond(Ads1115DataRate rate) => rate switch
    {
        Ads1115DataRate.Sps8 => 8,
        Ads1115DataRate.Sps16 => 16,
        Ads1115DataRate.Sps32 => 32,
        Ads1115DataRate.Sps64 => 64,
        Ads1115DataRate.Sps128 => 128,
        Ads1115DataRate.Sps250 => 250,
        Ads1115DataRate.Sps475 => 475,
        Ads1115DataRate.Sps860 => 860,
        _ => throw new ArgumentOutOfRangeException(nameof(rate), rate, "Unknown data rate."),
    };

    internal static void Collect(Ads1115SourceOptions o, string s, List<string> errors)
    {
        if (o.Bus < 0)
        {
            errors.Add(Invariant($"{s}:Bus is {o.Bus}; it must be 0 or more (/dev/i2c-N)."));
        }
        if (o.Address is < Ads1115.DefaultI2cAddress or > Ads1115.DefaultI2cAddress + 3)
        {
            errors.Add(Invariant($"{s}:Address is 0x{o.Address:X2}; an ADS1115 answers at 0x48 to 0x4B (72 to 75)."));
        }

        bool rateKnown = Enum.IsDefined(o.DataRate);
        if (!rateKnown)
        {
            errors.Add($"{s}:DataRate is {o.DataRate}; it must be one of {string.Join(", ", Enum.GetNames<Ads1115DataRate>())}.");
        }

        if (!IsPositive(o.Rate))
        {
            errors.Add(Invariant($"{s}:Rate is {o.Rate}; it must be above 0 rows per second."));
        }

        if (o.Inputs is null || o.Inputs.Count == 0)
        {
            errors.Add($"{s}:Inputs is empty; list at least one input (e.g. Input Ain0, Name current).");
            return;
        }

        if (rateKnown && IsPositive(o.Rate) && o.Rate * o.Inputs.Count > SamplesPerSecond(o.DataRate))
        {
            errors.Add(Invariant(
                $"{s}:Rate is {o.Rate}; with {o.Inputs.Count} inputs that needs {o.Rate * o.Inputs.Count} conversions per second, but {s}:DataRate {o.DataRate} gives {SamplesPerSecond(o.DataRate)}."));
        }

        for (int i = 0; i < o.Inputs.Count; i++)
        {
            string its = Invariant($"{s}:Inputs:{i}");
            Ads1115InputOptions? input = o.Inputs[i];
            if (input is null)
            {
                errors.Add($"{its} is empty.");
                continue;
            }

            if (!Enum.IsDefined(input.Input))
            {
                errors.Add($"{its}:Input is {input.Input}; it must be one of {string.Join(", ", Enum.GetNames<Ads1115InputMultiplexer>())}.");
            }

            if (string.IsNullOrWhiteSpace(input.Name))
            {
                errors.Add($"{its}:Name is blank; every input needs a channel name.");
            }
            else if (o.Inputs.FindIndex(x => string.Equals(x?.Name, input.Name, StringComparison.Ordinal)) < i)
            {
                errors.Add($"{its}:Name '{input.Name}' is also another input's name.");
            }

            if (!Enum.IsDefined(input.Range))
            {
                errors.Add($"{its}:Range is {input.Range}; it must be one of {string.Join(", ", Enum.GetNames<Ads1115MeasuringRange>())}.");
            }

            if (!double.IsFinite(input.Scale) || input.Scale == 0)
            {
                errors.Add(Invariant($"{its}:Scale is {input.Scale}; it must be a finite number other than 0."));
            }

            if (!double.IsFinite(input.Offset))
            {
                errors.Add(Invariant($"{its}:Offset is {input.Offset}; it must be a finite number."));
            }
        }
    }

    internal static void ThrowIfInvalid(Ads1115SourceOptions options)
    {
        var errors = new List<string>();
        Collect(options, Ads1115SourceOptions.SectionName, errors);
        ThrowIfAny(errors, nameof(options));
    }
}
