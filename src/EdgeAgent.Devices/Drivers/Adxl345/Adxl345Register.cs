namespace EdgeAgent.Devices.Drivers;

/// <summary>ADXL345 register addresses (datasheet Rev. G, table 19).</summary>
internal static class Adxl345Register
{
    public const byte DeviceId = 0x00;
    public const byte BandwidthRate = 0x2C;
    public const byte PowerControl = 0x2D;
    public const byte InterruptSource = 0x30;
    public const byte DataFormat = 0x31;
    public const byte DataX0 = 0x32;

    /// <summary>The fixed DEVID value.</summary>
    public const byte ExpectedDeviceId = 0xE5;

    /// <summary>POWER_CTL: Measure bit.</summary>
    public const byte Measure = 0x08;

    /// <summary>DATA_FORMAT: FULL_RES bit (3.9 mg/LSB at every range).</summary>
    public const byte FullResolution = 0x08;

    /// <summary>INT_SOURCE: DATA_READY bit.</summary>
    public const byte DataReady = 0x80;
}
