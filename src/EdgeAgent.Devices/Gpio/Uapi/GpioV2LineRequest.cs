using System.Runtime.InteropServices;

namespace EdgeAgent.Devices.Gpio.Uapi;

/// <summary><c>struct gpio_v2_line_request</c> (592 bytes), the argument of <c>GPIO_V2_GET_LINE_IOCTL</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpioV2LineRequest
{
    public fixed uint Offsets[GpioV2Uapi.LinesMax];
    public fixed byte Consumer[GpioV2Uapi.MaxNameSize];
    public GpioV2LineConfig Config;
    public uint NumLines;
    public uint EventBufferSize;
    public fixed uint Padding[5];

    /// <summary>Filled in by the kernel: the file descriptor of the requested lines.</summary>
    public int Fd;
}
