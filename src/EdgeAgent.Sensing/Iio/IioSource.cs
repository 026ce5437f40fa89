using EdgeAgent.Devices.Iio;
using EdgeAgent.Sensing.Pacing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Sensing.Iio;

/// <summary>
/// Polls chosen channels of a Linux IIO device through sysfs at <see cref="IioSourceOptions.Rate"/>, one row per
/// read, each channel as the kernel's (raw + offset) × scale (read by <see cref="IioDevice"/>) then × the channel's
/// own scale + offset. Rows are stamped with the time they are taken; a poller that falls behind skips the slots it
/// missed rather than bursting (see <see cref="MissedSlots"/>). The stream does not end.
/// </summary>
public sealed class IioSource : ISensorSource
{
    private readonly ILogger _logger;
    private readonly IioDevice _device;
    private readonly string[] _ids;
    private readonly double[] _scales;
    private readonly double[] _offsets;
    private readonly PollingClock _clock;
    private readonly double _rate;
    private bool _disposed;

    /// <summary>Finds the device and checks that it has every channel.</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names each bad setting.</exception>
    /// <exception cref="SensorException">The device or a channel is not there; the message says what there is.</exception>
    public IioSource(IioSourceOptions options, TimeProvider timeProvider, ILogger<IioSource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        IioSourceOptionsValidator.ThrowIfInvalid(options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _device = FindDevice(options.Device.Trim(), options.SysfsRoot);
        Name = $"iio:{_device.Name ?? Path.GetFileName(_device.DevicePath)}";

        string[] available;
        try
        {
            available = [.. _device.GetChannels().Select(c => c.Id)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SensorException($"Cannot list the channels of IIO device '{_device.DevicePath}': {ex.Message}", ex);
        }

        foreach (string id in options.Channels.Keys)
        {
            if (!available.Contains(id, StringComparer.Ordinal))
            {
                throw new SensorException(
                    $"IIO device '{_device.DevicePath}' has no channel '{id}' (Sensors:Iio:Channels); it has: {(available.Length == 0 ? "none" : string.Join(", ", available))}.");
            }
        }

        _rate = options.Rate;
        _ids = [.. options.Channels.Keys];
        _scales = [.. options.Channels.Values.Select(c => c.Scale)];
        _offsets = [.. options.Channels.Values.Select(c => c.Offset)];
        Channels = [.. options.Channels.Select(c => new SensorChannel(c.Value.Name ?? c.Key, c.Value.Units, _rate))];
        _clock = new PollingClock(timeProvider, _rate);
        Log.SourceOpened(_logger, Name, Channels.Count, string.Join(", ", _ids.Select((id, i) => $"{id} as {Channels[i].Name}")));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<SensorChannel> Channels { get; }

    /// <summary>The device directory being polled.</summary>
    public string DevicePath => _device.DevicePath;

    /// <summary>Polling slots skipped because a read came late.</summary>
    public long MissedSlots => _clock.MissedSlots;

    /// <summary>Rows given to readers so far.</summary>
    public long RowsRead { get; private set; }

    /// <inheritdoc />
    /// <exception cref="SensorException">A channel file vanished or held something that is not a number.</exception>
    public async ValueTask<bool> ReadAsync(SampleBlock block, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(block);
        if (block.ChannelCount != Channels.Count)
        {
            throw new ArgumentException($"The block holds {block.ChannelCount} channels; {Name} gives {Channels.Count}.", nameof(block));
        }

        block.Clear();
        await _clock.WaitForSlotAsync(cancellationToken).ConfigureAwait(false);
        if (_clock.ShouldReportMissed())
        {
            Log.PollingBehind(_logger, Name, _rate, _clock.MissedSlots);
        }

        Span<double> row = block.AddRow(_clock.Stamp());
        try
        {
            for (int i = 0; i < _ids.Length; i++)
            {
                row[i] = (_device.ReadValue(_ids[i]) * _scales[i]) + _offsets[i];
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            block.Clear();
            throw new SensorException($"{Name}: reading '{_device.DevicePath}' failed: {ex.Message}", ex);
        }

        RowsRead++;
        return true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            Log.SourceClosed(_logger, Name, RowsRead);
        }

        return ValueTask.CompletedTask;
    }

    private static IioDevice FindDevice(string device, string root)
    {
        try
        {
            if (int.TryParse(device, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int number))
            {
                return IioDevice.Open(number, root);
            }

            return IioDevice.FindByName(device, root) ?? throw new SensorException(
                $"No IIO device named '{device}' under '{root}' (Sensors:Iio:Device); found: {Describe(IioDevice.Enumerate(root))}.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SensorException($"IIO device '{device}' under '{root}' (Sensors:Iio:Device): {ex.Message}", ex);
        }
    }

    private static string Describe(IReadOnlyList<IioDevice> devices) =>
        devices.Count == 0
            ? "no devices"
            : string.Join(", ", devices.Select(d => $"{Path.GetFileName(d.DevicePath)} ({d.Name ?? "no name"})"));
}
