using System.Runtime.InteropServices;

namespace EdgeAgent.Devices.Gpio.Uapi;

/// <summary><c>struct gpio_v2_line_values</c> (16 bytes): bit i is the line at index i of the request.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GpioV2LineValues
{
    public ulong Bits;
    public ulong Mask;
}
