namespace EdgeAgent.Devices.I2c;

/// <summary>An I2C bus could not be opened or a transfer on it failed (for example no device acknowledged).</summary>
public sealed class I2cException : IOException
{
    public I2cException()
    {
    }

    public I2cException(string message)
        : base(message)
    {
    }

    public I2cException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the bus path, address and errno that failed.</summary>
    public I2cException(string message, string busPath, int deviceAddress, int errno)
        : base(message)
    {
        BusPath = busPath;
        DeviceAddress = deviceAddress;
        Errno = errno;
    }

    /// <summary>The bus device path, such as <c>/dev/i2c-1</c>.</summary>
    public string? BusPath { get; }

    /// <summary>The 7-bit address of the device.</summary>
    public int? DeviceAddress { get; }

    /// <summary>The errno the kernel answered, or 0.</summary>
    public int Errno { get; }
}
