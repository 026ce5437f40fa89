using System.Runtime.CompilerServices;
using EdgeAgent.Devices.Interop;

namespace EdgeAgent.Devices.Gpio.Uapi;

/// <summary>Constants and ioctl numbers of the GPIO character device v2 uAPI (<c>linux/gpio.h</c>).</summary>
internal static class GpioV2Uapi
{
    public const int MaxNameSize = 32;
    public const int LinesMax = 64;
    public const int LineNumAttributesMax = 10;

    public const uint AttributeIdFlags = 1;
    public const uint AttributeIdOutputValues = 2;
    public const uint AttributeIdDebounce = 3;

    private const byte Magic = 0xB4;

    /// <summary><c>GPIO_GET_CHIPINFO_IOCTL</c> = <c>_IOR(0xB4, 0x01, struct gpiochip_info)</c>.</summary>
    public static readonly nuint GetChipInfo = IoctlRequest.Read(Magic, 0x01, Unsafe.SizeOf<GpioChipInfo>());

    /// <summary><c>GPIO_V2_GET_LINE_IOCTL</c> = <c>_IOWR(0xB4, 0x07, struct gpio_v2_line_request)</c>.</summary>
    public static readonly nuint GetLine = IoctlRequest.ReadWrite(Magic, 0x07, Unsafe.SizeOf<GpioV2LineRequest>());

    /// <summary><c>GPIO_V2_LINE_SET_CONFIG_IOCTL</c> = <c>_IOWR(0xB4, 0x0D, struct gpio_v2_line_config)</c>.</summary>
    public static readonly nuint SetConfig = IoctlRequest.ReadWrite(Magic, 0x0D, Unsafe.SizeOf<GpioV2LineConfig>());

    /// <summary><c>GPIO_V2_LINE_GET_VALUES_IOCTL</c> = <c>_IOWR(0xB4, 0x0E, struct gpio_v2_line_values)</c>.</summary>
    public static readonly nuint GetValues = IoctlRequest.ReadWrite(Magic, 0x0E, Unsafe.SizeOf<GpioV2LineValues>());

    /// <summary><c>GPIO_V2_LINE_SET_VALUES_IOCTL</c> = <c>_IOWR(0xB4, 0x0F, struct gpio_v2_line_values)</c>.</summary>
    public static readonly nuint SetValues = IoctlRequest.ReadWrite(Magic, 0x0F, Unsafe.SizeOf<GpioV2LineValues>());
}
