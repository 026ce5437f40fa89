using System.Runtime.InteropServices;

namespace EdgeAgent.Devices.I2c.Uapi;

/// <summary><c>struct i2c_msg</c> from <c>linux/i2c.h</c> (16 bytes on 64-bit: the buffer pointer is 8-aligned).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct I2cMessage
{
    /// <summary><c>I2C_M_RD</c>: read from the device into the buffer.</summary>
    public const ushort FlagRead = 0x0001;

    public ushort Address;
    public ushort Flags;
    public ushort Length;
    public byte* Buffer;
}
