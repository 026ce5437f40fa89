namespace EdgeAgent.Devices.Drivers;

/// <summary>The chip at the address answered with another identity than the driver expects: wrong address or wrong part.</summary>
public sealed class DeviceIdentityException : IOException
{
    public DeviceIdentityException()
    {
    }

    public DeviceIdentityException(string message)
        : base(message)
    {
    }

    public DeviceIdentityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the identity expected and the one read.</summary>
    public DeviceIdentityException(string message, int expected, int actual)
        : base(message)
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The identity register value the driver expects.</summary>
    public int Expected { get; }

    /// <summary>The value the device answered.</summary>
    public int Actual { get; }
}
