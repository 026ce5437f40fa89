using System.Runtime.InteropServices;

namespace EdgeAgent.Devices.Gpio.Uapi;

/// <summary><c>struct gpio_v2_line_config</c> (272 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpioV2LineConfig
{
    /// <summary><see cref="GpioV2LineFlags"/> for lines no attribute overrides.</summary>
    public ulong Flags;
    public uint NumAttributes;
    public fixed uint Padding[5];
    public GpioV2LineConfigAttributes Attributes;
}
