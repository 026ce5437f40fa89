using EdgeAgent.Devices.Iio;

namespace EdgeAgent.Sensing.Iio;

/// <summary>A Linux Industrial I/O device polled through sysfs (<see cref="IioSource"/>). Bound from the <c>Sensors:Iio</c> section.</summary>
public sealed class IioSourceOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Sensors:Iio";

    /// <summary>Where the kernel lists IIO devices. Default <c>/sys/bus/iio/devices</c>.</summary>
    public string SysfsRoot { get; set; } = IioDevice.DefaultSysfsRoot;

    /// <summary>The device: its <c>name</c> (the driver's part name, e.g. <c>adxl345</c>; the first match) or its number (<c>0</c> for <c>iio:device0</c>). Required.</summary>
    public string Device { get; set; } = "";

    /// <summary>
    /// The channels to poll, keyed by IIO channel id (<c>accel_x</c> for <c>in_accel_x_raw</c>). Rows hold them in
    /// the order of this map (bound from configuration: ordered by id). Required, at least one.
    /// </summary>
    public Dictionary<string, IioChannelOptions> Channels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Rows per second to poll at. Default 100. Above 0, at most 10000 (each row reads sysfs files; above about 1 kHz the timer cannot keep pace).</summary>
    public double Rate { get; set; } = 100;
}
