using System.Runtime.CompilerServices;
using EdgeAgent.Devices.I2c.Uapi;

namespace EdgeAgent.Devices.Tests.I2c;

/// <summary>Sizes and offsets of <c>struct i2c_msg</c> and <c>struct i2c_rdwr_ioctl_data</c> on a 64-bit kernel.</summary>
public class I2cUapiLayoutTests
{
    [Fact]
    public void SizeOf_Structs_MatchKernelUapiOn64Bit()
    {
        Assert.Equal(8, IntPtr.Size);
        Assert.Equal(16, Unsafe.SizeOf<I2cMessage>());
        Assert.Equal(16, Unsafe.SizeOf<I2cRdwrIoctlData>());
    }

    [Fact]
    public void OffsetOf_Fields_MatchKernelUapiOn64Bit()
    {
        var message = default(I2cMessage);
        ref byte start = ref Unsafe.As<I2cMessage, byte>(ref message);
        Assert.Equal(2, (int)Unsafe.ByteOffset(ref start, ref Unsafe.As<ushort, byte>(ref message.Flags)));
        Assert.Equal(4, (int)Unsafe.ByteOffset(ref start, ref Unsafe.As<ushort, byte>(ref message.Length)));

        var data = default(I2cRdwrIoctlData);
        Assert.Equal(8, (int)Unsafe.ByteOffset(ref Unsafe.As<I2cRdwrIoctlData, byte>(ref data), ref Unsafe.As<uint, byte>(ref data.MessageCount)));
        Assert.Equal(0x0707u, I2cRdwrIoctlData.Request);
        Assert.Equal(1, I2cMessage.FlagRead);
    }
}
