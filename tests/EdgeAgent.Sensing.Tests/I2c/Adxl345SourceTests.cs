using EdgeAgent.Devices.Drivers;
using EdgeAgent.Devices.I2c;
using EdgeAgent.Sensing.I2c;
using EdgeAgent.TestKit;

namespace EdgeAgent.Sensing.Tests.I2c;

public sealed class Adxl345SourceTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadAsync_DataRegisters_GivesThreeAxesInG()
    {
        using SimulatedI2cDevice device = NewDevice();
        device.SetRegisters(0x32, 0x00, 0x01, 0x80, 0xFF, 0xE8, 0x03); // x 256, y -128, z 1000 (little-endian)
        await using var source = new Adxl345Source(device, new Adxl345SourceOptions(), new ManualTimeProvider(Start), shouldDispose: false);
        var block = new SampleBlock(3, 4);

        Assert.True(await source.ReadAsync(block, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(256 * 0.0039, block.Row(0)[0], 1e-6);
        Assert.Equal(-128 * 0.0039, block.Row(0)[1], 1e-6);
        Assert.Equal(1000 * 0.0039, block.Row(0)[2], 1e-6);
        Assert.Equal(Start, block.Timestamp(0));
        Assert.Equal([new SensorChannel("vib_x", "g", 100), new SensorChannel("vib_y", "g", 100), new SensorChannel("vib_z", "g", 100)], source.Channels);
        Assert.Equal("adxl345:i2c-1@0x53", source.Name);
    }

    [Theory]
    [InlineData(100, Adxl345Range.PlusMinus16G, 0x0A, 0x0B)]
    [InlineData(150, Adxl345Range.PlusMinus2G, 0x0B, 0x08)]
    [InlineData(3200, Adxl345Range.PlusMinus4G, 0x0F, 0x09)]
    [InlineData(5, Adxl345Range.PlusMinus8G, 0x06, 0x0A)]
    public async Task Constructor_RateAndRange_SetTheLowestSufficientOutputRateAndDataFormat(double rate, Adxl345Range range, byte bandwidthRate, byte dataFormat)
    {
        using SimulatedI2cDevice device = NewDevice();

        await using var source = new Adxl345Source(device, new Adxl345SourceOptions { Rate = rate, Range = range }, new ManualTimeProvider(), shouldDispose: false);

        Assert.Equal(bandwidthRate, device.GetRegister(0x2C));
        Assert.Equal(dataFormat, device.GetRegister(0x31));
        Assert.Equal(0x08, device.GetRegister(0x2D)); // measuring
    }

    [Fact]
    public void Constructor_WrongDeviceId_ThrowsSensorExceptionAndDisposesTheDevice()
    {
        var device = new SimulatedI2cDevice(0x53);
        device.SetRegisters(0x00, 0x1A);

        var ex = Assert.Throws<SensorException>(() => new Adxl345Source(device, new Adxl345SourceOptions(), new ManualTimeProvider()));

        Assert.Contains("No ADXL345 at I2C bus 1 address 0x53", ex.Message, StringComparison.Ordinal);
        Assert.IsType<DeviceIdentityException>(ex.InnerException);
        Assert.True(device.IsDisposed);
    }

    [Fact]
    public async Task ReadAsync_DeviceStopsAnswering_ThrowsSensorException()
    {
        using SimulatedI2cDevice device = NewDevice();
        await using var source = new Adxl345Source(device, new Adxl345SourceOptions(), new ManualTimeProvider(), shouldDispose: false);
        device.Acknowledges = false;

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await source.ReadAsync(new SampleBlock(3, 1), CancellationToken.None));

        Assert.IsType<I2cException>(ex.InnerException);
        Assert.StartsWith("adxl345:i2c-1@0x53:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_OwningSource_DisposesTheDevice()
    {
        SimulatedI2cDevice device = NewDevice();
        var source = new Adxl345Source(device, new Adxl345SourceOptions(), new ManualTimeProvider());

        await source.DisposeAsync();

        Assert.True(device.IsDisposed);
    }

    private static SimulatedI2cDevice NewDevice()
    {
        var device = new SimulatedI2cDevice(0x53);
        device.SetRegisters(0x00, 0xE5);
        return device;
    }
}
