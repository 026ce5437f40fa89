using System.Runtime.InteropServices;

namespace EdgeAgent.Devices.Gpio.Uapi;

/// <summary><c>struct gpio_v2_line_attribute</c> (16 bytes): an id, padding, then a union of flags, values or debounce period.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct GpioV2LineAttribute
{
    /// <summary>One of <see cref="GpioV2Uapi.AttributeIdFlags"/>, <see cref="GpioV2Uapi.AttributeIdOutputValues"/>, <see cref="GpioV2Uapi.AttributeIdDebounce"/>.</summary>
    [FieldOffset(0)]
    public uint Id;

    [FieldOffset(4)]
    public uint Padding;

    [FieldOffset(8)]
    public ulong Flags;

    [FieldOffset(8)]
    public ulong Values;

    [FieldOffset(8)]
    public uint DebouncePeriodMicroseconds;
}
