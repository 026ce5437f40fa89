using EdgeAgent.Devices.Drivers;

namespace EdgeAgent.Sensing.I2c;

/// <summary>An ADXL345 accelerometer on an I2C bus (<see cref="Adxl345Source"/>). Bound from the <c>Sensors:Adxl345</c> section.</summary>
public sealed class Adxl345SourceOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Sensors:Adxl345";

    /// <summary>The bus number: <c>/dev/i2c-{Bus}</c>. Default 1. At least 0.</summary>
    public int Bus { get; set; } = 1;

    /// <summary>The 7-bit address: 0x53 (83, SDO low) or 0x1D (29, SDO high). Default 0x53.</summary>
    public int Address { get; set; } = Adxl345.DefaultI2cAddress;

    /// <summary>Rows per second to poll at; the chip's output rate is set to the lowest one at or above it. Default 100. Above 0, at most 3200.</summary>
    public double Rate { get; set; } = 100;

    /// <summary>The measuring range. Default ±16 g (full resolution keeps 3.9 mg/LSB at every range, so a wide range costs nothing).</summary>
    public Adxl345Range Range { get; set; } = Adxl345Range.PlusMinus16G;

    /// <summary>The X axis channel's name. Default <c>vib_x</c>.</summary>
    public string XName { get; set; } = "vib_x";

    /// <summary>The Y axis channel's name. Default <c>vib_y</c>.</summary>
    public string YName { get; set; } = "vib_y";

    /// <summary>The Z axis channel's name. Default <c>vib_z</c>.</summary>
    public string ZName { get; set; } = "vib_z";
}
