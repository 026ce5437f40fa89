using System.Runtime.CompilerServices;
using EdgeAgent.Devices.Gpio.Uapi;

namespace EdgeAgent.Devices.Tests.Gpio;

/// <summary>
/// Sizes and offsets from the kernel's <c>include/uapi/linux/gpio.h</c> (checked against the header with sizeof/offsetof
/// on x86-64): a layout mistake would hand the kernel garbage, so it must fail here.
/// </summary>
public class GpioUapiLayoutTests
{
    [Fact]
    public void SizeOf_Structs_MatchKernelUapi()
    {
        Assert.Equal(592, Unsafe.SizeOf<GpioV2LineRequest>());
        Assert.Equal(272, Unsafe.SizeOf<GpioV2LineConfig>());
        Assert.Equal(24, Unsafe.SizeOf<GpioV2LineConfigAttribute>());
        Assert.Equal(16, Unsafe.SizeOf<GpioV2LineAttribute>());
        Assert.Equal(16, Unsafe.SizeOf<GpioV2LineValues>());
        Assert.Equal(68, Unsafe.SizeOf<GpioChipInfo>());
    }

    [Fact]
    public void OffsetOf_LineRequestFields_MatchKernelUapi()
    {
        var request = default(GpioV2LineRequest);
        ref byte start = ref Unsafe.As<GpioV2LineRequest, byte>(ref request);

        Assert.Equal(288, (int)Unsafe.ByteOffset(ref start, ref Unsafe.As<GpioV2LineConfig, byte>(ref request.Config)));
        Assert.Equal(560, (int)Unsafe.ByteOffset(ref start, ref Unsafe.As<uint, byte>(ref request.NumLines)));
        Assert.Equal(564, (int)Unsafe.ByteOffset(ref start, ref Unsafe.As<uint, byte>(ref request.EventBufferSize)));
        Assert.Equal(588, (int)Unsafe.ByteOffset(ref start, ref Unsafe.As<int, byte>(ref request.Fd)));
    }

    [Fact]
    public void OffsetOf_LineConfigAndAttributeFields_MatchKernelUapi()
    {
        var config = default(GpioV2LineConfig);
        ref byte start = ref Unsafe.As<GpioV2LineConfig, byte>(ref config);
        Assert.Equal(8, (int)Unsafe.ByteOffset(ref start, ref Unsafe.As<uint, byte>(ref config.NumAttributes)));
        Assert.Equal(32, (int)Unsafe.ByteOffset(ref start, ref Unsafe.As<GpioV2LineConfigAttribute, byte>(ref config.Attributes[0])));
        Assert.Equal(32 + (24 * 9), (int)Unsafe.ByteOffset(ref start, ref Unsafe.As<GpioV2LineConfigAttribute, byte>(ref config.Attributes[9])));

        var attribute = default(GpioV2LineConfigAttribute);
        ref byte attributeStart = ref Unsafe.As<GpioV2LineConfigAttribute, byte>(ref attribute);
        Assert.Equal(8, (int)Unsafe.ByteOffset(ref attributeStart, ref Unsafe.As<ulong, byte>(ref attribute.Attribute.Values)));
        Assert.Equal(16, (int)Unsafe.ByteOffset(ref attributeStart, ref Unsafe.As<ulong, byte>(ref attribute.Mask)));
    }

    [Fact]
    public void IoctlNumbers_MatchKernelMacros()
    {
        Assert.Equal((nuint)0xC250B407u, GpioV2Uapi.GetLine);
        Assert.Equal((nuint)0xC110B40Du, GpioV2Uapi.SetConfig);
        Assert.Equal((nuint)0xC010B40Eu, GpioV2Uapi.GetValues);
        Assert.Equal((nuint)0xC010B40Fu, GpioV2Uapi.SetValues);
        Assert.Equal((nuint)0x8044B401u, GpioV2Uapi.GetChipInfo);
    }
}
