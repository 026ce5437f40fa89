using Microsoft.Extensions.Options;
using static EdgeAgent.Sensing.OptionsText;

namespace EdgeAgent.Sensing.Simulation;

/// <summary>Checks <see cref="SimulatorOptions"/> and names each bad setting (<c>Sensors:Simulator:SampleRate</c> and so on).</summary>
public sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    private const double MaxSampleRate = 1_000_000;
    private const int MaxBlockRows = 1_000_000;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Collect(options, SimulatorOptions.SectionName, errors);
        return Result(errors);
    }

    /// <summary>Adds a message for each bad setting of <paramref name="o"/>, whose settings live under <paramref name="section"/>.</summary>
    internal static void Collect(SimulatorOptions o, string section, List<string> errors)
    {
        string s = section;
        if (!IsPositive(o.SampleRate) || o.SampleRate > MaxSampleRate)
        {
            errors.Add(Invariant($"{s}:SampleRate is {o.SampleRate}; it must be above 0 and at most {MaxSampleRate} Hz."));
        }

        double nyquist = o.SampleRate / 2;
        if (!IsPositive(o.ShaftHz))
        {
            errors.Add(Invariant($"{s}:ShaftHz is {o.ShaftHz}; it must be above 0."));
        }
        else if (IsPositive(o.SampleRate) && 2 * o.ShaftHz >= nyquist)
        {
            errors.Add(Invariant($"{s}:ShaftHz is {o.ShaftHz}; its 2nd harmonic must stay below half of {s}:SampleRate ({nyquist} Hz)."));
        }

        if (!IsNonNegative(o.Speed))
        {
            errors.Add(Invariant($"{s}:Speed is {o.Speed}; it must be 0 (as fast as read) or more (1 = real time)."));
        }

        if (o.BlockRows is { } blockRows && blockRows is < 1 or > MaxBlockRows)
        {
            errors.Add(Invariant($"{s}:BlockRows is {blockRows}; when set it must be between 1 and {MaxBlockRows}."));
        }

        if (o.BearingDefect is { } b)
        {
            string bs = $"{s}:BearingDefect";
            if (b.Start < TimeSpan.Zero)
            {
                errors.Add(Invariant($"{bs}:Start is {b.Start}; it must not be negative."));
            }

            if (b.GrowthTime <= TimeSpan.Zero)
            {
                errors.Add(Invariant($"{bs}:GrowthTime is {b.GrowthTime}; it must be above 0."));
            }

            if (!IsPositive(b.DefectOrder))
            {
                errors.Add(Invariant($"{bs}:DefectOrder is {b.DefectOrder}; it must be above 0."));
            }

            if (!IsPositive(b.ResonanceHz) || (IsPositive(o.SampleRate) && b.ResonanceHz >= nyquist))
            {
                errors.Add(Invariant($"{bs}:ResonanceHz is {b.ResonanceHz}; it must be above 0 and below half of {s}:SampleRate ({nyquist} Hz)."));
            }

            if (!IsNonNegative(b.Amplitude))
            {
                errors.Add(Invariant($"{bs}:Amplitude is {b.Amplitude}; it must be 0 or more (g)."));
            }
        }

        if (o.Imbalance is { } im)
        {
            if (im.Start < TimeSpan.Zero)
            {
                errors.Add(Invariant($"{s}:Imbalance:Start is {im.Start}; it must not be negative."));
            }

            if (!IsNonNegative(im.Amplitude))
            {
                errors.Add(Invariant($"{s}:Imbalance:Amplitude is {im.Amplitude}; it must be 0 or more (g)."));
            }
        }

        if (o.SensorFaults is null)
        {
            errors.Add($"{s}:SensorFaults is missing.");
            return;
        }

        for (int i = 0; i < o.SensorFaults.Count; i++)
        {
            CollectSensorFault(o, o.SensorFaults[i], $"{s}:SensorFaults:{i}", errors);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming each bad setting.</summary>
    internal static void ThrowIfInvalid(SimulatorOptions options)
    {
        var errors = new List<string>();
        Collect(options, SimulatorOptions.SectionName, errors);
        ThrowIfAny(errors, nameof(options));
    }

    private static void CollectSensorFault(SimulatorOptions o, SensorFaultOptions? f, string fs, List<string> errors)
    {
        if (f is null)
        {
            errors.Add($"{fs} is empty.");
            return;
        }

        if (!Enum.IsDefined(f.Kind))
        {
            errors.Add($"{fs}:Kind is {f.Kind}; it must be one of {string.Join(", ", Enum.GetNames<SensorFaultKind>())}.");
        }
        else if (f.Kind != SensorFaultKind.Dropout && !SimulatorSource.ChannelNames.Contains(f.Channel ?? "", StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{fs}:Channel is '{f.Channel}'; a {f.Kind} fault needs one of {string.Join(", ", SimulatorSource.ChannelNames)}.");
        }

        if (f.Start < TimeSpan.Zero)
        {
            errors.Add(Invariant($"{fs}:Start is {f.Start}; it must not be negative."));
        }

        if (f.Duration is { } d && d <= TimeSpan.Zero)
        {
            errors.Add(Invariant($"{fs}:Duration is {d}; when set it must be above 0 (leave it out for a fault that lasts to the end)."));
        }

        if (f.Kind == SensorFaultKind.Spikes)
        {
            if (!IsPositive(f.SpikeRate) || (IsPositive(o.SampleRate) && f.SpikeRate > o.SampleRate))
            {
                errors.Add(Invariant($"{fs}:SpikeRate is {f.SpikeRate}; it must be above 0 and at most the sample rate ({o.SampleRate} per second)."));
            }

            if (!IsPositive(f.SpikeSize))
            {
                errors.Add(Invariant($"{fs}:SpikeSize is {f.SpikeSize}; it must be above 0."));
            }
        }

        if (f.Kind == SensorFaultKind.Dropout && f.Duration is null && o.Speed == 0)
        {
            errors.Add($"{fs}:Duration is not set; a dropout to the end of an unpaced stream (Speed 0) would never give another row.");
        }
    }
}
