using EdgeAgent.Sensing.Iio;
using EdgeAgent.Sensing.Tests.Support;
using EdgeAgent.TestKit;

namespace EdgeAgent.Sensing.Tests.Iio;

public sealed class IioSourceTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly SysfsTree _sysfs = new();

    public IioSourceTests()
    {
        _sysfs.AddDevice(0, ("name", "ads1015"), ("in_voltage0_raw", "7"));
        _sysfs.AddDevice(
            1,
            ("name", "adxl345"),
            ("in_accel_x_raw", "100"),
            ("in_accel_y_raw", "-50"),
            ("in_accel_z_raw", "256"),
            ("in_accel_scale", "0.038300"),
            ("in_temp_raw", "1000"),
            ("in_temp_offset", "-500"),
            ("in_temp_scale", "0.5"));
    }

    public void Dispose() => _sysfs.Dispose();

    [Fact]
    public async Task ReadAsync_DeviceByName_GivesScaledValuesOfTheChosenChannels()
    {
        var options = Options("adxl345");
        options.Channels["accel_x"] = new IioChannelOptions { Name = "vib_x", Units = "g", Scale = 1 / 9.80665 };
        options.Channels["temp"] = new IioChannelOptions { Name = "board_temp", Units = "degC", Scale = 0.001, Offset = 1 };
        await using var source = new IioSource(options, new ManualTimeProvider(Start));
        var block = new SampleBlock(2, 10);

        Assert.True(await source.ReadAsync(block, CancellationToken.None).AsTask().WaitAsync(Timeout));

        Assert.Equal("iio:adxl345", source.Name);
        Assert.Equal([new SensorChannel("vib_x", "g", 10), new SensorChannel("board_temp", "degC", 10)], source.Channels);
        Assert.Equal(1, block.Count);
        Assert.Equal(100 * 0.0383 / 9.80665, block.Row(0)[0], 1e-12); // raw 100 × shared accel scale, m/s² → g
        Assert.Equal((1000 - 500) * 0.5 * 0.001 + 1, block.Row(0)[1], 1e-12); // (raw + offset) × scale, then the channel's own
        Assert.Equal(Start, block.Timestamp(0));
    }

    [Fact]
    public async Task ReadAsync_DeviceByNumber_PollsAtTheRateAndSeesNewValues()
    {
        var clock = new ManualTimeProvider(Start);
        var options = Options("1");
        options.Channels["accel_z"] = new IioChannelOptions();
        await using var source = new IioSource(options, clock);
        var block = new SampleBlock(1, 10);
        await source.ReadAsync(block, CancellationToken.None).AsTask().WaitAsync(Timeout);
        _sysfs.Set(1, "in_accel_z_raw", "-256");

        Task<bool> next = source.ReadAsync(block, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(Timeout);

        Assert.Equal("accel_z", source.Channels[0].Name);
        Assert.Equal(-256 * 0.0383, block.Row(0)[0], 1e-12);
        Assert.Equal(Start.AddMilliseconds(100), block.Timestamp(0));
    }

    [Fact]
    public async Task ReadAsync_LateReader_SkipsMissedSlotsInsteadOfBursting()
    {
        var clock = new ManualTimeProvider(Start);
        var options = Options("adxl345");
        options.Channels["accel_x"] = new IioChannelOptions();
        await using var source = new IioSource(options, clock);
        var block = new SampleBlock(1, 10);
        await source.ReadAsync(block, CancellationToken.None).AsTask().WaitAsync(Timeout);

        clock.Advance(TimeSpan.FromMilliseconds(350)); // slots at 100, 200 and 300 ms have passed
        await source.ReadAsync(block, CancellationToken.None).AsTask().WaitAsync(Timeout);
        Assert.Equal(Start.AddMilliseconds(350), block.Timestamp(0));
        Assert.Equal(2, source.MissedSlots);

        Task<bool> next = source.ReadAsync(block, CancellationToken.None).AsTask();
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(50));
        await next.WaitAsync(Timeout);
        Assert.Equal(Start.AddMilliseconds(400), block.Timestamp(0));
    }

    [Fact]
    public void Constructor_UnknownChannel_ThrowsListingTheDevicesChannels()
    {
        var options = Options("adxl345");
        options.Channels["accel_w"] = new IioChannelOptions();

        var ex = Assert.Throws<SensorException>(() => new IioSource(options, new ManualTimeProvider()));

        Assert.Contains("has no channel 'accel_w' (Sensors:Iio:Channels); it has: accel_x, accel_y, accel_z, temp.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownDeviceName_ThrowsListingTheDevices()
    {
        var options = Options("bmi160");
        options.Channels["accel_x"] = new IioChannelOptions();

        var ex = Assert.Throws<SensorException>(() => new IioSource(options, new ManualTimeProvider()));

        Assert.Contains("No IIO device named 'bmi160'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("iio:device0 (ads1015), iio:device1 (adxl345)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RawFileHoldsGarbage_ThrowsSensorExceptionNamingTheFile()
    {
        var options = Options("adxl345");
        options.Channels["accel_y"] = new IioChannelOptions();
        await using var source = new IioSource(options, new ManualTimeProvider());
        _sysfs.Set(1, "in_accel_y_raw", "garbage");

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await source.ReadAsync(new SampleBlock(1, 1), CancellationToken.None));

        Assert.Contains("in_accel_y_raw", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("iio:adxl345:", ex.Message, StringComparison.Ordinal);
    }

    private IioSourceOptions Options(string device) => new() { SysfsRoot = _sysfs.Root, Device = device, Rate = 10 };
}
