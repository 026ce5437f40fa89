namespace EdgeAgent.Devices.Tests.Hardware;

public class HardwareFactAttributeTests
{
    [Fact]
    public void Constructor_DeviceMissing_SetsSkipNamingIt()
    {
        var fact = new HardwareFactAttribute("/dev/null", "/dev/gpiochip-absent");

        Assert.Equal("Needs hardware: /dev/gpiochip-absent not present.", fact.Skip);
    }

    [Fact]
    public void Constructor_AllDevicesPresent_DoesNotSkip()
    {
        var fact = new HardwareFactAttribute("/dev/null");

        Assert.Null(fact.Skip);
    }
}
