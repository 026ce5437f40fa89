namespace EdgeAgent.Devices.Drivers;

/// <summary>What the ADS1115 measures; the value is the MUX[2:0] code.</summary>
public enum Ads1115InputMultiplexer
{
    /// <summary>AIN0 - AIN1 (the power-on default).</summary>
    Ain0Ain1 = 0b000,

    /// <summary>AIN0 - AIN3.</summary>
    Ain0Ain3 = 0b001,

    /// <summary>AIN1 - AIN3.</summary>
    Ain1Ain3 = 0b010,

    /// <summary>AIN2 - AIN3.</summary>
    Ain2Ain3 = 0b011,

    /// <summary>AIN0 against GND.</summary>
    Ain0 = 0b100,

    /// <summary>AIN1 against GND.</summary>
    Ain1 = 0b101,

    /// <summary>AIN2 against GND.</summary>
    Ain2 = 0b110,

    /// <summary>AIN3 against GND.</summary>
    Ain3 = 0b111,
}
