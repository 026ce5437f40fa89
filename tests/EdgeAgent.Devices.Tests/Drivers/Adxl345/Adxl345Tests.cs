using System.Numerics;
using EdgeAgent.Devices.Drivers;
using EdgeAgent.Devices.I2c;

namespace EdgeAgent.Devices.Tests.Drivers;

public class Adxl345Tests
{
    private const float Tolerance = 1e-5f;

    [Fact]
    public void Constructor_DeviceIdMatches_WritesFullResolutionRangeRateAndMeasure()
    {
        using SimulatedI2cDevice device = NewDevice();

        using var sensor = new Adxl345(device, shouldDispose: false);

        Assert.Equal(
            [
                [0x00], // DEVID pointer for the identity read
                [0x31, 0x08], // DATA_FORMAT: FULL_RES, ±2 g
                [0x2C, 0x0A], // BW_RATE: 100 Hz
                [0x2D, 0x08], // POWER_CTL: Measure
            ],
            device.Writes);
        Assert.Equal(Adxl345Range.PlusMinus2G, sensor.Range);
        Assert.Equal(Adxl345DataRate.Hz100, sensor.DataRate);
    }

    [Fact]
    public void Constructor_WrongDeviceId_ThrowsNamingIdsAndAddressWithoutConfiguring()
    {
        using var device = new SimulatedI2cDevice(Adxl345.DefaultI2cAddress);
        device.SetRegisters(0x00, 0x1A);

        var ex = Assert.Throws<DeviceIdentityException>(() => new Adxl345(device, shouldDispose: false));

        Assert.Equal(0xE5, ex.Expected);
        Assert.Equal(0x1A, ex.Actual);
        Assert.Contains("DEVID is 0x1A, expected 0xE5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("address 0x53", ex.Message, StringComparison.Ordinal);
        Assert.Equal([[0x00]], device.Writes);
    }

    [Fact]
    public void Constructor_NoDeviceAcknowledges_ThrowsI2cException()
    {
        using var device = new SimulatedI2cDevice(Adxl345.DefaultI2cAddress) { Acknowledges = false };

        Assert.Throws<I2cException>(() => new Adxl345(device, shouldDispose: false));
    }

    [Theory]
    [InlineData(Adxl345Range.PlusMinus2G, 0x08)]
    [InlineData(Adxl345Range.PlusMinus4G, 0x09)]
    [InlineData(Adxl345Range.PlusMinus8G, 0x0A)]
    [InlineData(Adxl345Range.PlusMinus16G, 0x0B)]
    public void Range_Set_WritesDataFormatWithFullResolution(Adxl345Range range, byte expectedDataFormat)
    {
        using SimulatedI2cDevice device = NewDevice();
        using var sensor = new Adxl345(device, shouldDispose: false);
        device.ClearWrites();

        sensor.Range = range;

        Assert.Equal([[0x31, expectedDataFormat]], device.Writes);
        Assert.Equal(range, sensor.Range);
    }

    [Fact]
    public void Range_SetUndefined_ThrowsAndWritesNothing()
    {
        using SimulatedI2cDevice device = NewDevice();
        using var sensor = new Adxl345(device, shouldDispose: false);
        device.ClearWrites();

        Assert.Throws<ArgumentOutOfRangeException>(() => sensor.Range = (Adxl345Range)7);
        Assert.Empty(device.Writes);
    }

    [Theory]
    [InlineData(Adxl345DataRate.Hz6_25, 0x06)]
    [InlineData(Adxl345DataRate.Hz800, 0x0D)]
    [InlineData(Adxl345DataRate.Hz3200, 0x0F)]
    public void DataRate_Set_WritesBwRate(Adxl345DataRate rate, byte expectedCode)
    {
        using SimulatedI2cDevice device = NewDevice();
        using var sensor = new Adxl345(device, shouldDispose: false);
        device.ClearWrites();

        sensor.DataRate = rate;

        Assert.Equal([[0x2C, expectedCode]], device.Writes);
    }

    [Fact]
    public void ReadAcceleration_KnownRegisters_ConvertsLittleEndianAt3_9MilliGPerLsb()
    {
        using SimulatedI2cDevice device = NewDevice();
        using var sensor = new Adxl345(device, shouldDispose: false);
        device.ClearWrites();
        device.SetRegisters(
            0x32,
            0x00, 0x01, // X = +256
            0x00, 0xFF, // Y = -256
            0xFF, 0x0F); // Z = +4095, the top of ±16 g in full resolution

        Vector3 g = sensor.ReadAcceleration();

        Assert.Equal([[0x32]], device.Writes);
        Assert.Equal(0.9984f, g.X, Tolerance);
        Assert.Equal(-0.9984f, g.Y, Tolerance);
        Assert.Equal(15.9705f, g.Z, Tolerance);
    }

    [Fact]
    public void ReadAcceleration_NegativeFullScale_ConvertsToMinus16G()
    {
        using SimulatedI2cDevice device = NewDevice();
        using var sensor = new Adxl345(device, shouldDispose: false);
        device.SetRegisters(0x32, 0x00, 0xF0, 0x01, 0x00, 0x00, 0x00); // X = -4096, Y = +1, Z = 0

        Vector3 g = sensor.ReadAcceleration();

        Assert.Equal(-15.9744f, g.X, Tolerance);
        Assert.Equal(0.0039f, g.Y, Tolerance);
        Assert.Equal(0f, g.Z);
    }

    [Fact]
    public void TryReadAcceleration_DataNotReady_ReturnsFalseWithoutReadingData()
    {
        using SimulatedI2cDevice device = NewDevice();
        using var sensor = new Adxl345(device, shouldDispose: false);
        device.SetRegisters(0x32, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01);
        device.ClearWrites();

        bool read = sensor.TryReadAcceleration(out Vector3 g);

        Assert.False(read);
        Assert.Equal(Vector3.Zero, g);
        Assert.Equal([[0x30]], device.Writes);
    }

    [Fact]
    public void TryReadAcceleration_DataReady_ReturnsSample()
    {
        using SimulatedI2cDevice device = NewDevice();
        using var sensor = new Adxl345(device, shouldDispose: false);
        device.SetRegisters(0x30, 0x80);
        device.SetRegisters(0x32, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00);

        bool read = sensor.TryReadAcceleration(out Vector3 g);

        Assert.True(read);
        Assert.Equal(0.9984f, g.X, Tolerance);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Dispose_ShouldDispose_DisposesDeviceOnlyWhenOwned(bool shouldDispose)
    {
        using SimulatedI2cDevice device = NewDevice();
        var sensor = new Adxl345(device, shouldDispose);

        sensor.Dispose();

        Assert.Equal(shouldDispose, device.IsDisposed);
    }

    private static SimulatedI2cDevice NewDevice()
    {
        var device = new SimulatedI2cDevice(Adxl345.DefaultI2cAddress);
        device.SetRegisters(0x00, 0xE5);
        return device;
    }
}
