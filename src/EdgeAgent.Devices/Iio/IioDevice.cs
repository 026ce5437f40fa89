using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeAgent.Devices.Iio;

/// <summary>
/// Reads a Linux Industrial I/O device through sysfs (<c>/sys/bus/iio/devices/iio:deviceN/</c>), following the kernel
/// ABI (<c>Documentation/ABI/testing/sysfs-bus-iio</c>): value = (raw + offset) × scale, where scale and offset are
/// taken from the channel's own attribute, else the one shared by its type (<c>in_accel_scale</c>), by direction
/// (<c>in_scale</c>) or by all (<c>scale</c>); a device without them has scale 1 and offset 0.
/// </summary>
public sealed partial class IioDevice
{
    /// <summary>Where the kernel lists IIO devices.</summary>
    public const string DefaultSysfsRoot = "/sys/bus/iio/devices";

    private const string DevicePrefix = "iio:device";

    /// <summary>Uses the device directory at <paramref name="devicePath"/>.</summary>
    /// <exception cref="IioException">The directory does not exist.</exception>
    public IioDevice(string devicePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(devicePath);
        if (!Directory.Exists(devicePath))
        {
            throw new IioException(
                $"IIO device directory '{devicePath}' does not exist. Is the sensor's driver loaded (ls {DefaultSysfsRoot})?", devicePath);
        }

        DevicePath = devicePath;
    }

    /// <summary>The device directory.</summary>
    public string DevicePath { get; }

    /// <summary>The device's <c>name</c> (the driver's part name, such as <c>adxl345</c>), or null when it has none.</summary>
    public string? Name
    {
        get
        {
            string path = Path.Combine(DevicePath, "name");
            return File.Exists(path) ? ReadText(path) : null;
        }
    }

    /// <summary>Opens <c>iio:device{deviceNumber}</c> under <paramref name="sysfsRoot"/>.</summary>
    /// <exception cref="IioException">The directory does not exist.</exception>
    public static IioDevice Open(int deviceNumber, string sysfsRoot = DefaultSysfsRoot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(deviceNumber);
        return new IioDevice(Path.Combine(sysfsRoot, $"{DevicePrefix}{deviceNumber.ToString(CultureInfo.InvariantCulture)}"));
    }

    /// <summary>The IIO devices under <paramref name="sysfsRoot"/>, by device number; empty when there is no IIO bus.</summary>
    public static IReadOnlyList<IioDevice> Enumerate(string sysfsRoot = DefaultSysfsRoot)
    {
        if (!Directory.Exists(sysfsRoot))
        {
            return [];
        }

        return Directory.EnumerateDirectories(sysfsRoot, DevicePrefix + "*")
            .Select(path => (Path: path, Number: DeviceNumber(Path.GetFileName(path))))
            .Where(d => d.Number is not null)
            .OrderBy(d => d.Number)
            .Select(d => new IioDevice(d.Path))
            .ToArray();
    }

    /// <summary>The first device under <paramref name="sysfsRoot"/> whose <c>name</c> is <paramref name="name"/>, or null.</summary>
    public static IioDevice? FindByName(string name, string sysfsRoot = DefaultSysfsRoot) =>
        Enumerate(sysfsRoot).FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));

    /// <summary>The input channels, one per <c>in_*_raw</c> file, ordered by id.</summary>
    public IReadOnlyList<IioChannel> GetChannels() =>
        Directory.EnumerateFiles(DevicePath, "in_*_raw")
            .Select(path => Path.GetFileName(path))
            .Select(file => file["in_".Length..^"_raw".Length])
            .Where(id => id.Length > 0)
            .Order(StringComparer.Ordinal)
            .Select(id => new IioChannel(id, ChannelType(id), RawPathOf(id)))
            .ToArray();

    /// <summary>Reads a channel's raw value, offset and scale.</summary>
    /// <param name="channelId">The channel id, such as <c>accel_x</c> (from <c>in_accel_x_raw</c>).</param>
    /// <exception cref="IioException">The channel has no <c>_raw</c> file, or a file holds something that is not a number.</exception>
    public IioReading Read(string channelId)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        string rawPath = RawPathOf(channelId);
        if (!File.Exists(rawPath))
        {
            throw new IioException($"IIO device '{DevicePath}' has no channel '{channelId}': '{rawPath}' does not exist.", rawPath);
        }

        long raw = ParseInteger(rawPath);
        string type = ChannelType(channelId);
        double scale = FindShared(channelId, type, "scale") is { } scalePath ? ParseReal(scalePath) : 1.0;
        double offset = FindShared(channelId, type, "offset") is { } offsetPath ? ParseReal(offsetPath) : 0.0;
        return new IioReading(raw, offset, scale);
    }

    /// <summary>Reads a channel and returns (raw + offset) × scale.</summary>
    /// <exception cref="IioException">The channel has no <c>_raw</c> file, or a file holds something that is not a number.</exception>
    public double ReadValue(string channelId) => Read(channelId).Value;

    /// <summary>The type part of a channel id: the text before the first '_' without channel numbers.</summary>
    internal static string ChannelType(string channelId)
    {
        int underscore = channelId.IndexOf('_', StringComparison.Ordinal);
        string head = underscore < 0 ? channelId : channelId[..underscore];
        return Digits().Replace(head, string.Empty);
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    private static int? DeviceNumber(string directoryName) =>
        int.TryParse(directoryName.AsSpan(DevicePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : null;

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IioException($"Cannot read IIO attribute '{path}': {ex.Message}", path, ex);
        }
    }

    private static long ParseInteger(string path)
    {
        string text = ReadText(path);
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new IioException($"IIO attribute '{path}' holds '{Shorten(text)}', not an integer.", path);
    }

    private static double ParseReal(string path)
    {
        string text = ReadText(path);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new IioException($"IIO attribute '{path}' holds '{Shorten(text)}', not a number.", path);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    private string RawPathOf(string channelId) => Path.Combine(DevicePath, $"in_{channelId}_raw");

    private string? FindShared(string channelId, string type, string attribute)
    {
        string[] candidates = [$"in_{channelId}_{attribute}", $"in_{type}_{attribute}", $"in_{attribute}", attribute];
        return candidates.Select(name => Path.Combine(DevicePath, name)).FirstOrDefault(File.Exists);
    }
}
