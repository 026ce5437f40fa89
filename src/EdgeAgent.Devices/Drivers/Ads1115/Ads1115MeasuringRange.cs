namespace EdgeAgent.Devices.Drivers;

/// <summary>The ADS1115 programmable-gain full-scale range; the value is the PGA[2:0] code.</summary>
public enum Ads1115MeasuringRange
{
    /// <summary>±6.144 V (inputs must still stay within VDD + 0.3 V).</summary>
    FullScale6144mV = 0b000,

    /// <summary>±4.096 V.</summary>
    FullScale4096mV = 0b001,

    /// <summary>±2.048 V (the power-on default).</summary>
    FullScale2048mV = 0b010,

    /// <summary>±1.024 V.</summary>
    FullScale1024mV = 0b011,

    /// <summary>±0.512 V.</summary>
    FullScale512mV = 0b100,

    /// <summary>±0.256 V.</summary>
    FullScale256mV = 0b101,
}
