using EdgeAgent.Sensing.I2c;
using EdgeAgent.Sensing.Iio;
using EdgeAgent.Sensing.Mqtt;
using EdgeAgent.Sensing.Replay;
using EdgeAgent.Sensing.Simulation;

namespace EdgeAgent.Sensing;

/// <summary>Which sensor source the agent reads, and the settings of each kind. Bound from the <c>Sensors</c> section.</summary>
public sealed class SensorOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Sensors";

    /// <summary>
    /// The source: <c>Simulator</c>, <c>Replay</c>, <c>Iio</c>, <c>Adxl345</c>, <c>Ads1115</c> or <c>Mqtt</c> (any case); only
    /// its own section is read and checked. Default <c>Simulator</c>.
    /// </summary>
    public string Source { get; set; } = nameof(SensorSourceKind.Simulator);

    /// <summary>Settings of the simulator (<c>Sensors:Simulator</c>).</summary>
    public SimulatorOptions Simulator { get; set; } = new();

    /// <summary>Settings of file replay (<c>Sensors:Replay</c>).</summary>
    public ReplayOptions Replay { get; set; } = new();

    /// <summary>Settings of an IIO device (<c>Sensors:Iio</c>).</summary>
    public IioSourceOptions Iio { get; set; } = new();

    /// <summary>Settings of an ADXL345 on I2C (<c>Sensors:Adxl345</c>).</summary>
    public Adxl345SourceOptions Adxl345 { get; set; } = new();

    /// <summary>Settings of an ADS1115 on I2C (<c>Sensors:Ads1115</c>).</summary>
    public Ads1115SourceOptions Ads1115 { get; set; } = new();

    /// <summary>Settings of readings received over MQTT (<c>Sensors:Mqtt</c>).</summary>
    public MqttSourceOptions Mqtt { get; set; } = new();

    /// <summary>The kind <see cref="Source"/> names (by name, any case; numbers are not accepted); false when it names none.</summary>
    public bool TryGetSourceKind(out SensorSourceKind kind)
    {
        foreach (SensorSourceKind candidate in Enum.GetValues<SensorSourceKind>())
        {
            if (string.Equals(candidate.ToString(), Source?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
