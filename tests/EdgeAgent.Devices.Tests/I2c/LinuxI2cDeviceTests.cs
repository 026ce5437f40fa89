using EdgeAgent.Devices.I2c;

namespace EdgeAgent.Devices.Tests.I2c;

public class LinuxI2cDeviceTests
{
    [Fact]
    public void Constructor_BusMissing_ThrowsNamingBusAndErrno()
    {
        var ex = Assert.Throws<I2cException>(() => new LinuxI2cDevice(new I2cConnectionSettings(99, 0x48)));

        Assert.Equal("/dev/i2c-99", ex.BusPath);
        Assert.Equal(0x48, ex.DeviceAddress);
        Assert.Equal(2, ex.Errno);
        Assert.Contains("'/dev/i2c-99'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("No such file or directory (errno 2)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteRead_NotAnI2cBus_ThrowsWithAddressAndIoctlErrno()
    {
        using var device = new LinuxI2cDevice(new I2cConnectionSettings(1, 0x53), "/dev/null");

        var ex = Assert.Throws<I2cException>(() => device.WriteRead([0x00], new byte[1]));

        Assert.Equal(25, ex.Errno);
        Assert.Contains("address 0x53", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'/dev/null'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("write 1 bytes, read 1 bytes", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Inappropriate ioctl for device (errno 25)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AfterDispose_ThrowsObjectDisposed()
    {
        var device = new LinuxI2cDevice(new I2cConnectionSettings(1, 0x53), "/dev/null");
        device.Dispose();

        Assert.Throws<ObjectDisposedException>(() => device.Write([0x01]));
    }

    [Theory]
    [InlineData(-1, 0x10)]
    [InlineData(1, 0x80)]
    [InlineData(1, -1)]
    public void ConnectionSettings_OutOfRange_Throws(int bus, int address)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new I2cConnectionSettings(bus, address));
    }
}
