using System.Runtime.CompilerServices;

namespace EdgeAgent.Devices.Gpio.Uapi;

/// <summary><c>struct gpio_v2_line_config_attribute attrs[GPIO_V2_LINE_NUM_ATTRS_MAX]</c>.</summary>
[InlineArray(GpioV2Uapi.LineNumAttributesMax)]
internal struct GpioV2LineConfigAttributes
{
    private GpioV2LineConfigAttribute _element0;
}
