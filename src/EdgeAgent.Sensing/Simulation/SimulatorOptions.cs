namespace EdgeAgent.Sensing.Simulation;

/// <summary>
/// A simulated rotating machine (<see cref="SimulatorSource"/>). Bound from the <c>Sensors:Simulator</c> section.
/// The channels are fixed: <c>vib_x</c>, <c>vib_y</c>, <c>vib_z</c> (g), <c>temperature</c> (degC) and
/// <c>current</c> (A), all sampled at <see cref="SampleRate"/>.
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Sensors:Simulator";

    /// <summary>The stream time a paced read waits for when <see cref="BlockRows"/> is not set.</summary>
    public static readonly TimeSpan DefaultBlockTime = TimeSpan.FromMilliseconds(25);

    /// <summary>Rows per second of every channel. Default 10000. Range above 0 to 1000000.</summary>
    public double SampleRate { get; set; } = 10_000;

    /// <summary>Shaft rotation frequency in Hz. Default 29.5 (1770 rpm). Its 2nd harmonic must stay below half the sample rate.</summary>
    public double ShaftHz { get; set; } = 29.5;

    /// <summary>Seed of the noise; the same seed and options give the same stream, value for value. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>
    /// Stream seconds per real second: 1 paces the stream in real time on the injected clock, 2 runs it twice as
    /// fast, 0 generates as fast as the reader reads. Default 1. At least 0.
    /// </summary>
    public double Speed { get; set; } = 1.0;

    /// <summary>
    /// When paced, how many rows a read waits for before it returns (fewer when the reader's block is smaller), so a
    /// reader wakes about <see cref="SampleRate"/> / BlockRows times a second. Default: the rows of 25 ms
    /// (250 at 10 kHz), at least 1. Range 1 to 1000000 when set.
    /// </summary>
    public int? BlockRows { get; set; }

    /// <summary>The timestamp of the first row. Default: the injected clock's time when the source is created.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>A growing bearing defect. Default none (a healthy bearing).</summary>
    public BearingDefectOptions? BearingDefect { get; set; }

    /// <summary>A rotor imbalance. Default none.</summary>
    public ImbalanceOptions? Imbalance { get; set; }

    /// <summary>Faults of the sensors themselves (stuck, spikes, NaN, dropout). Default none.</summary>
    public List<SensorFaultOptions> SensorFaults { get; set; } = [];

    /// <summary><see cref="BlockRows"/>, or its default for <see cref="SampleRate"/>.</summary>
    public int EffectiveBlockRows() =>
        BlockRows ?? (int)Math.Clamp(Math.Floor(SampleRate * DefaultBlockTime.TotalSeconds), 1, 1_000_000);
}
