namespace EdgeAgent.Devices.Drivers;

/// <summary>ADXL345 output data rate; the value is the BW_RATE rate code (normal power).</summary>
public enum Adxl345DataRate : byte
{
    /// <summary>6.25 Hz.</summary>
    Hz6_25 = 0x06,

    /// <summary>12.5 Hz.</summary>
    Hz12_5 = 0x07,

    /// <summary>25 Hz.</summary>
    Hz25 = 0x08,

    /// <summary>50 Hz.</summary>
    Hz50 = 0x09,

    /// <summary>100 Hz (the power-on default).</summary>
    Hz100 = 0x0A,

    /// <summary>200 Hz.</summary>
    Hz200 = 0x0B,

    /// <summary>400 Hz.</summary>
    Hz400 = 0x0C,

    /// <summary>800 Hz.</summary>
    Hz800 = 0x0D,

    /// <summary>1600 Hz.</summary>
    Hz1600 = 0x0E,

    /// <summary>3200 Hz.</summary>
    Hz3200 = 0x0F,
}
