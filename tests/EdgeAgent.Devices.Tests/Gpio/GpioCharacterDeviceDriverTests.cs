using EdgeAgent.Devices.Gpio;
using EdgeAgent.Devices.Gpio.Uapi;

namespace EdgeAgent.Devices.Tests.Gpio;

public class GpioCharacterDeviceDriverTests
{
    [Fact]
    public void Constructor_ChipMissing_ThrowsNamingChipAndErrno()
    {
        var ex = Assert.Throws<GpioException>(() => new GpioCharacterDeviceDriver(99));

        Assert.Equal("/dev/gpiochip99", ex.ChipPath);
        Assert.Equal(2, ex.Errno);
        Assert.Null(ex.Line);
        Assert.Contains("'/dev/gpiochip99'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("No such file or directory (errno 2)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NotAGpioChip_ThrowsWithIoctlErrno()
    {
        var ex = Assert.Throws<GpioException>(() => new GpioCharacterDeviceDriver("/dev/null"));

        Assert.Equal(25, ex.Errno);
        Assert.Contains("'/dev/null'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("GPIO_GET_CHIPINFO_IOCTL", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Inappropriate ioctl for device (errno 25)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ConsumerTooLong_Throws()
    {
        Assert.Throws<ArgumentException>(() => new GpioCharacterDeviceDriver("/dev/null", new string('x', 32)));
    }

    [Fact]
    public void ConfigFor_OutputHigh_SetsOutputFlagAndInitialValueAttribute()
    {
        GpioV2LineConfig config = GpioCharacterDeviceDriver.ConfigFor(PinMode.Output, PinValue.High);

        Assert.Equal(0x008UL, config.Flags); // GPIO_V2_LINE_FLAG_OUTPUT
        Assert.Equal(1u, config.NumAttributes);
        Assert.Equal(GpioV2Uapi.AttributeIdOutputValues, config.Attributes[0].Attribute.Id);
        Assert.Equal(1UL, config.Attributes[0].Attribute.Values);
        Assert.Equal(1UL, config.Attributes[0].Mask);
    }

    [Theory]
    [InlineData(PinMode.Input, 0x004UL)] // GPIO_V2_LINE_FLAG_INPUT
    [InlineData(PinMode.InputPullUp, 0x104UL)] // INPUT | BIAS_PULL_UP
    [InlineData(PinMode.InputPullDown, 0x204UL)] // INPUT | BIAS_PULL_DOWN
    public void ConfigFor_InputModes_SetsInputAndBiasFlagsWithoutAttributes(PinMode mode, ulong expectedFlags)
    {
        GpioV2LineConfig config = GpioCharacterDeviceDriver.ConfigFor(mode, PinValue.High);

        Assert.Equal(expectedFlags, config.Flags);
        Assert.Equal(0u, config.NumAttributes);
    }
}
