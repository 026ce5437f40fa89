using System.Runtime.InteropServices;

namespace EdgeAgent.Devices.Gpio.Uapi;

/// <summary><c>struct gpio_v2_line_config_attribute</c> (24 bytes): an attribute and the lines it applies to.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GpioV2LineConfigAttribute
{
    public GpioV2LineAttribute Attribute;
    public ulong Mask;
}
