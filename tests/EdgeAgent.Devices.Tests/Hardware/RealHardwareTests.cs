using EdgeAgent.Devices.Gpio;
using EdgeAgent.Devices.I2c;

namespace EdgeAgent.Devices.Tests.Hardware;

/// <summary>Talks to a real board; skipped (never passed) where the device files are absent.</summary>
[Trait("Category", "Hardware")]
public class RealHardwareTests
{
    [HardwareFact("/dev/gpiochip0", "/dev/i2c-1")]
    public void OpenRealDevices_GpioChip0AndI2cBus1_OpenAndReportChipInfo()
    {
        using var gpio = new GpioCharacterDeviceDriver(0);
        Assert.True(gpio.PinCount > 0);
        Assert.False(string.IsNullOrEmpty(gpio.ChipName));

        using var i2c = new LinuxI2cDevice(new I2cConnectionSettings(1, 0x53));
        Assert.Equal("/dev/i2c-1", i2c.BusPath);
    }
}
