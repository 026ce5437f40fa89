using EdgeAgent.Devices.Drivers;

namespace EdgeAgent.Sensing.I2c;

/// <summary>
/// One ADS1115 input read as a channel (an item of <c>Sensors:Ads1115:Inputs</c>): volts × <see cref="Scale"/> +
/// <see cref="Offset"/>, so a 4–20 mA loop or a current clamp reads in its own units.
/// </summary>
public sealed class Ads1115InputOptions
{
    /// <summary>What is measured, e.g. <c>Ain0</c> (AIN0 against GND) or <c>Ain0Ain1</c> (differential). Default <c>Ain0</c>.</summary>
    public Ads1115InputMultiplexer Input { get; set; } = Ads1115InputMultiplexer.Ain0;

    /// <summary>The channel's name in rows and model packages. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>Units of the final value. Default <c>V</c>.</summary>
    public string Units { get; set; } = "V";

    /// <summary>The full-scale range for this input. Default ±4.096 V.</summary>
    public Ads1115MeasuringRange Range { get; set; } = Ads1115MeasuringRange.FullScale4096mV;

    /// <summary>Multiplies the volts. Default 1. A finite number other than 0.</summary>
    public double Scale { get; set; } = 1;

    /// <summary>Added after <see cref="Scale"/>. Default 0. Finite.</summary>
    public double Offset { get; set; }
}
