namespace EdgeAgent.Devices.I2c;

/// <summary>Which bus and which 7-bit address a device answers on.</summary>
public sealed record I2cConnectionSettings
{
    /// <summary>Creates the settings for <paramref name="busId"/> (as in <c>/dev/i2c-{busId}</c>) and a 7-bit address.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The bus id is negative or the address is outside 0x00..0x7F.</exception>
    public I2cConnectionSettings(int busId, int deviceAddress)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(busId);
        ArgumentOutOfRangeException.ThrowIfNegative(deviceAddress);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(deviceAddress, 0x7F);
        BusId = busId;
        DeviceAddress = deviceAddress;
    }

    /// <summary>The bus number.</summary>
    public int BusId { get; }

    /// <summary>The 7-bit device address.</summary>
    public int DeviceAddress { get; }

    /// <summary>For example "I2C bus 1 address 0x53".</summary>
    public override string ToString() => $"I2C bus {BusId} address 0x{DeviceAddress:X2}";
}
