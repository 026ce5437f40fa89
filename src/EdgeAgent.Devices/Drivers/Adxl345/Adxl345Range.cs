namespace EdgeAgent.Devices.Drivers;

/// <summary>ADXL345 measuring range; the value is the DATA_FORMAT range bits.</summary>
public enum Adxl345Range : byte
{
    /// <summary>±2 g.</summary>
    PlusMinus2G = 0b00,

    /// <summary>±4 g.</summary>
    PlusMinus4G = 0b01,

    /// <summary>±8 g.</summary>
    PlusMinus8G = 0b10,

    /// <summary>±16 g.</summary>
    PlusMinus16G = 0b11,
}
