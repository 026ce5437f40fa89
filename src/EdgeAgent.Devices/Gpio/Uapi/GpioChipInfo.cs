using System.Runtime.InteropServices;

namespace EdgeAgent.Devices.Gpio.Uapi;

/// <summary><c>struct gpiochip_info</c> (68 bytes), the answer to <c>GPIO_GET_CHIPINFO_IOCTL</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpioChipInfo
{
    public fixed byte Name[GpioV2Uapi.MaxNameSize];
    public fixed byte Label[GpioV2Uapi.MaxNameSize];
    public uint Lines;
}
