using EdgeAgent.Devices.Gpio;

namespace EdgeAgent.Devices.Tests.Gpio;

public class SimulatedGpioDriverTests
{
    [Fact]
    public void Write_OutputPin_RecordsStateAndHistory()
    {
        using var driver = new SimulatedGpioDriver(8);
        driver.OpenPin(3, PinMode.Output);

        driver.Write(3, PinValue.High);
        driver.Write(3, PinValue.Low);
        driver.Write(3, PinValue.High);

        Assert.Equal(PinValue.High, driver.GetOutputState(3));
        Assert.Equal(PinValue.High, driver.Read(3));
        Assert.Equal([(3, PinValue.Low), (3, PinValue.High), (3, PinValue.Low), (3, PinValue.High)], driver.Writes);
    }

    [Fact]
    public void OpenPin_OutputWithInitialHigh_DrivesHighAtOnce()
    {
        using var driver = new SimulatedGpioDriver();

        driver.OpenPin(5, PinMode.Output, PinValue.High);

        Assert.Equal(PinValue.High, driver.GetOutputState(5));
        Assert.Equal(PinMode.Output, driver.GetPinMode(5));
    }

    [Fact]
    public void Read_InputPin_ReturnsExternalLevelOrBias()
    {
        using var driver = new SimulatedGpioDriver();
        driver.OpenPin(1, PinMode.InputPullUp);
        driver.OpenPin(2, PinMode.InputPullDown);
        driver.OpenPin(4, PinMode.Input);
        driver.SetExternalLevel(4, PinValue.High);

        Assert.Equal(PinValue.High, driver.Read(1));
        Assert.Equal(PinValue.Low, driver.Read(2));
        Assert.Equal(PinValue.High, driver.Read(4));

        driver.SetExternalLevel(1, PinValue.Low);
        Assert.Equal(PinValue.Low, driver.Read(1));
    }

    [Fact]
    public void Write_InputPin_ThrowsAndRecordsNothing()
    {
        using var driver = new SimulatedGpioDriver();
        driver.OpenPin(2, PinMode.Input);

        var ex = Assert.Throws<InvalidOperationException>(() => driver.Write(2, PinValue.High));

        Assert.Contains("pin 2", ex.Message, StringComparison.Ordinal);
        Assert.Empty(driver.Writes);
        Assert.Null(driver.GetOutputState(2));
    }

    [Fact]
    public void Read_PinNotOpen_Throws()
    {
        using var driver = new SimulatedGpioDriver();

        Assert.Throws<InvalidOperationException>(() => driver.Read(0));
    }

    [Fact]
    public void OpenPin_AlreadyOpen_Throws()
    {
        using var driver = new SimulatedGpioDriver();
        driver.OpenPin(0, PinMode.Input);

        Assert.Throws<InvalidOperationException>(() => driver.OpenPin(0, PinMode.Output));
        Assert.Equal(PinMode.Input, driver.GetPinMode(0));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(8)]
    public void OpenPin_OutOfRange_Throws(int pin)
    {
        using var driver = new SimulatedGpioDriver(8);

        Assert.Throws<ArgumentOutOfRangeException>(() => driver.OpenPin(pin, PinMode.Input));
        Assert.False(driver.IsPinOpen(pin));
    }

    [Fact]
    public void ClosePin_OpenOutput_ReleasesPin()
    {
        using var driver = new SimulatedGpioDriver();
        driver.OpenPin(6, PinMode.Output, PinValue.High);

        driver.ClosePin(6);

        Assert.False(driver.IsPinOpen(6));
        Assert.Null(driver.GetOutputState(6));
        Assert.Throws<InvalidOperationException>(() => driver.Write(6, PinValue.Low));
    }

    [Fact]
    public void SetPinMode_InputToOutput_StartsLowAndAllowsWrites()
    {
        using var driver = new SimulatedGpioDriver();
        driver.OpenPin(7, PinMode.Input);

        driver.SetPinMode(7, PinMode.Output);
        Assert.Equal(PinValue.Low, driver.GetOutputState(7));
        driver.Write(7, PinValue.High);

        Assert.Equal(PinValue.High, driver.Read(7));
    }

    [Fact]
    public void Dispose_OpenPins_ClosesThemAndRefusesFurtherUse()
    {
        var driver = new SimulatedGpioDriver();
        driver.OpenPin(1, PinMode.Output);

        driver.Dispose();

        Assert.False(driver.IsPinOpen(1));
        Assert.Throws<ObjectDisposedException>(() => driver.OpenPin(2, PinMode.Input));
    }
}
