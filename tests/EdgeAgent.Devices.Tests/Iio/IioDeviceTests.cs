using EdgeAgent.Devices.Iio;

namespace EdgeAgent.Devices.Tests.Iio;

public sealed class IioDeviceTests : IDisposable
{
    private readonly SysfsTree _sysfs = new();

    public void Dispose() => _sysfs.Dispose();

    [Fact]
    public void GetChannels_AccelerometerTree_ListsRawChannelsWithTypes()
    {
        _sysfs.AddDevice(
            0,
            ("name", "adxl345"),
            ("in_accel_x_raw", "12"),
            ("in_accel_y_raw", "-3"),
            ("in_accel_z_raw", "256"),
            ("in_accel_scale", "0.038300"),
            ("in_accel_x_calibbias", "0"),
            ("in_accel_sampling_frequency", "100.000000"));

        IioDevice device = IioDevice.Open(0, _sysfs.Root);

        Assert.Equal("adxl345", device.Name);
        Assert.Equal(["accel_x", "accel_y", "accel_z"], device.GetChannels().Select(c => c.Id));
        Assert.All(device.GetChannels(), c => Assert.Equal("accel", c.Type));
        Assert.Equal(Path.Combine(device.DevicePath, "in_accel_z_raw"), device.GetChannels()[2].RawPath);
    }

    [Fact]
    public void Read_SharedTypeScale_AppliesToEachAxis()
    {
        _sysfs.AddDevice(0, ("in_accel_y_raw", "-256"), ("in_accel_scale", "0.038300"));
        IioDevice device = IioDevice.Open(0, _sysfs.Root);

        IioReading reading = device.Read("accel_y");

        Assert.Equal(new IioReading(-256, 0, 0.0383), reading);
        Assert.Equal(-9.8048, reading.Value, 1e-9);
    }

    [Fact]
    public void Read_PerChannelScaleAndOffset_OverrideSharedOnesAndAddOffsetBeforeScaling()
    {
        _sysfs.AddDevice(
            1,
            ("in_temp_raw", "1000"),
            ("in_temp_offset", "-500"),
            ("in_temp_scale", "0.5"),
            ("in_voltage0_raw", "100"),
            ("in_voltage1_raw", "100"),
            ("in_voltage1_scale", "2"),
            ("in_voltage_scale", "0.125"),
            ("in_voltage_offset", "4"));
        IioDevice device = IioDevice.Open(1, _sysfs.Root);

        Assert.Equal(250.0, device.ReadValue("temp"), 1e-12); // (1000 - 500) * 0.5
        Assert.Equal(13.0, device.ReadValue("voltage0"), 1e-12); // (100 + 4) * 0.125, shared by type
        Assert.Equal(208.0, device.ReadValue("voltage1"), 1e-12); // (100 + 4) * 2, own scale, shared offset
    }

    [Fact]
    public void Read_DifferentialChannel_UsesDifferentialSharedScale()
    {
        _sysfs.AddDevice(0, ("in_voltage0-voltage1_raw", "-40"), ("in_voltage-voltage_scale", "0.0625"), ("in_voltage_scale", "99"));
        IioDevice device = IioDevice.Open(0, _sysfs.Root);

        Assert.Equal("voltage-voltage", device.GetChannels().Single().Type);
        Assert.Equal(-2.5, device.ReadValue("voltage0-voltage1"), 1e-12);
    }

    [Fact]
    public void Read_NoScaleOrOffset_UsesScaleOneOffsetZero()
    {
        _sysfs.AddDevice(0, ("in_humidityrelative_raw", "4321"));
        IioDevice device = IioDevice.Open(0, _sysfs.Root);

        IioReading reading = device.Read("humidityrelative");

        Assert.Equal(new IioReading(4321, 0, 1), reading);
        Assert.Equal(4321.0, reading.Value);
    }

    [Fact]
    public void Read_DirectionAndAllSharedScale_UsedWhenNoNarrowerOne()
    {
        _sysfs.AddDevice(0, ("in_voltage2_raw", "10"), ("in_scale", "0.5"));
        _sysfs.AddDevice(1, ("in_voltage2_raw", "10"), ("scale", "0.25"));

        Assert.Equal(5.0, IioDevice.Open(0, _sysfs.Root).ReadValue("voltage2"), 1e-12);
        Assert.Equal(2.5, IioDevice.Open(1, _sysfs.Root).ReadValue("voltage2"), 1e-12);
    }

    [Fact]
    public void Read_NonNumericRaw_ThrowsNamingFileAndContent()
    {
        string dir = _sysfs.AddDevice(0, ("in_accel_x_raw", "busy"));
        IioDevice device = IioDevice.Open(0, _sysfs.Root);

        var ex = Assert.Throws<IioException>(() => device.Read("accel_x"));

        string file = Path.Combine(dir, "in_accel_x_raw");
        Assert.Equal(file, ex.Path);
        Assert.Contains($"'{file}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'busy'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NonNumericScale_ThrowsNamingScaleFile()
    {
        string dir = _sysfs.AddDevice(0, ("in_accel_x_raw", "1"), ("in_accel_scale", "0,0383"));
        IioDevice device = IioDevice.Open(0, _sysfs.Root);

        var ex = Assert.Throws<IioException>(() => device.Read("accel_x"));

        Assert.Equal(Path.Combine(dir, "in_accel_scale"), ex.Path);
        Assert.Contains("not a number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyOffset_ThrowsNamingOffsetFile()
    {
        string dir = _sysfs.AddDevice(0, ("in_temp_raw", "1"), ("in_temp_offset", ""));
        IioDevice device = IioDevice.Open(0, _sysfs.Root);

        var ex = Assert.Throws<IioException>(() => device.Read("temp"));

        Assert.Equal(Path.Combine(dir, "in_temp_offset"), ex.Path);
    }

    [Fact]
    public void Read_MissingRaw_ThrowsNamingChannelAndFile()
    {
        string dir = _sysfs.AddDevice(0, ("in_accel_x_raw", "1"), ("in_accel_scale", "1"));
        IioDevice device = IioDevice.Open(0, _sysfs.Root);

        var ex = Assert.Throws<IioException>(() => device.Read("accel_q"));

        Assert.Equal(Path.Combine(dir, "in_accel_q_raw"), ex.Path);
        Assert.Contains("no channel 'accel_q'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingDevice_ThrowsNamingDirectory()
    {
        var ex = Assert.Throws<IioException>(() => IioDevice.Open(7, _sysfs.Root));

        Assert.Equal(Path.Combine(_sysfs.Root, "iio:device7"), ex.Path);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_NoNameFile_IsNull()
    {
        _sysfs.AddDevice(0, ("in_temp_raw", "1"));

        Assert.Null(IioDevice.Open(0, _sysfs.Root).Name);
    }

    [Fact]
    public void Enumerate_SeveralDevices_OrdersByNumberAndFindsByName()
    {
        _sysfs.AddDevice(10, ("name", "ads1115"));
        _sysfs.AddDevice(2, ("name", "adxl345"));
        Directory.CreateDirectory(Path.Combine(_sysfs.Root, "trigger0"));
        Directory.CreateDirectory(Path.Combine(_sysfs.Root, "iio:devicex"));

        IReadOnlyList<IioDevice> devices = IioDevice.Enumerate(_sysfs.Root);

        Assert.Equal(["adxl345", "ads1115"], devices.Select(d => d.Name));
        Assert.Equal(Path.Combine(_sysfs.Root, "iio:device10"), IioDevice.FindByName("ads1115", _sysfs.Root)?.DevicePath);
        Assert.Null(IioDevice.FindByName("bme280", _sysfs.Root));
    }

    [Fact]
    public void Enumerate_NoIioBus_ReturnsEmpty()
    {
        Assert.Empty(IioDevice.Enumerate(Path.Combine(_sysfs.Root, "absent")));
    }

    [Theory]
    [InlineData("accel_x", "accel")]
    [InlineData("voltage0", "voltage")]
    [InlineData("voltage12-voltage13", "voltage-voltage")]
    [InlineData("anglvel_z", "anglvel")]
    [InlineData("temp", "temp")]
    public void ChannelType_Ids_StripIndexAndModifier(string id, string expectedType)
    {
        Assert.Equal(expectedType, IioDevice.ChannelType(id));
    }
}
