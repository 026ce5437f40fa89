using EdgeAgent.Devices.Drivers;

namespace EdgeAgent.Sensing.I2c;

/// <summary>An ADS1115 ADC on an I2C bus, some of its inputs read as channels (<see cref="Ads1115Source"/>). Bound from the <c>Sensors:Ads1115</c> section.</summary>
public sealed class Ads1115SourceOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Sensors:Ads1115";

    /// <summary>The bus number: <c>/dev/i2c-{Bus}</c>. Default 1. At least 0.</summary>
    public int Bus { get; set; } = 1;

    /// <summary>The 7-bit address, 0x48 to 0x4B (72 to 75) by the ADDR pin. Default 0x48.</summary>
    public int Address { get; set; } = Ads1115.DefaultI2cAddress;

    /// <summary>
    /// Rows per second to poll at. Default 10. Above 0; Rate × the number of inputs must not exceed the conversions
    /// per second of <see cref="DataRate"/> (each row converts every input in turn).
    /// </summary>
    public double Rate { get; set; } = 10;

    /// <summary>The conversion rate. Default 860 SPS (the fastest: the least time per row).</summary>
    public Ads1115DataRate DataRate { get; set; } = Ads1115DataRate.Sps860;

    /// <summary>The inputs to read, one channel each, in row order. Required, at least one.</summary>
    public List<Ads1115InputOptions> Inputs { get; set; } = [];
}
