namespace EdgeAgent.Devices.Drivers;

/// <summary>ADS1115 address-pointer values and config-register bits (datasheet SBAS444, section 8.6).</summary>
internal static class Ads1115Register
{
    public const byte Conversion = 0x00;
    public const byte Config = 0x01;

    /// <summary>OS: write 1 to start a single-shot conversion; reads 1 when no conversion is in progress.</summary>
    public const ushort OperationalStatus = 0x8000;

    /// <summary>MODE: 1 = single-shot / power-down.</summary>
    public const ushort SingleShotMode = 0x0100;

    /// <summary>COMP_QUE = 11: comparator disabled, ALERT/RDY high impedance.</summary>
    public const ushort ComparatorDisabled = 0x0003;

    public const int MultiplexerShift = 12;
    public const int GainShift = 9;
    public const int DataRateShift = 5;
}
