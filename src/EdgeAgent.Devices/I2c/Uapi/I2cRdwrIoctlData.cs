using System.Runtime.InteropServices;

namespace EdgeAgent.Devices.I2c.Uapi;

/// <summary><c>struct i2c_rdwr_ioctl_data</c> from <c>linux/i2c-dev.h</c>, the argument of <c>I2C_RDWR</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct I2cRdwrIoctlData
{
    /// <summary><c>I2C_RDWR</c>: combined read/write transfer, one stop at the end.</summary>
    public const uint Request = 0x0707;

    /// <summary><c>I2C_RDWR_IOCTL_MAX_MSGS</c>.</summary>
    public const int MaxMessages = 42;

    public I2cMessage* Messages;
    public uint MessageCount;
}
