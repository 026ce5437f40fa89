using System.Numerics;
using EdgeAgent.Devices.Drivers;
using EdgeAgent.Devices.I2c;
using EdgeAgent.Sensing.Pacing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Sensing.I2c;

/// <summary>
/// An ADXL345 accelerometer polled over I2C: three channels in g (X, Y, Z) at <see cref="Adxl345SourceOptions.Rate"/>,
/// one row per read, stamped with the time it is taken. The chip's output rate is set to the lowest one at or above
/// the polling rate, so each poll sees a fresh sample. The stream does not end.
/// </summary>
public sealed class Adxl345Source : ISensorSource
{
    private static readonly (double Hz, Adxl345DataRate Code)[] DataRates =
    [
        (6.25, Adxl345DataRate.Hz6_25), (12.5, Adxl345DataRate.Hz12_5), (25, Adxl345DataRate.Hz25), (50, Adxl345DataRate.Hz50),
        (100, Adxl345DataRate.Hz100), (200, Adxl345DataRate.Hz200), (400, Adxl345DataRate.Hz400), (800, Adxl345DataRate.Hz800),
        (1600, Adxl345DataRate.Hz1600), (3200, Adxl345DataRate.Hz3200),
    ];

    private readonly ILogger _logger;
    private readonly I2cDevice _device;
    private readonly bool _shouldDispose;
    private readonly Adxl345 _sensor;
    private readonly PollingClock _clock;
    private readonly double _rate;
    private bool _disposed;

    /// <summary>Checks the chip's identity and configures it on <paramref name="device"/>.</summary>
    /// <param name="device">The I2C device the ADXL345 answers on (a <see cref="SimulatedI2cDevice"/> in tests).</param>
    /// <param name="options">Rate, range and channel names (<see cref="Adxl345SourceOptions.Bus"/> and <see cref="Adxl345SourceOptions.Address"/> are the device's business here).</param>
    /// <param name="timeProvider">The clock that paces polling and stamps rows.</param>
    /// <param name="logger">Where to log; none when null.</param>
    /// <param name="shouldDispose">True to dispose <paramref name="device"/> with this source (also when the constructor fails).</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names each bad setting.</exception>
    /// <exception cref="SensorException">No ADXL345 answered, or the bus failed.</exception>
    public Adxl345Source(I2cDevice device, Adxl345SourceOptions options, TimeProvider timeProvider, ILogger<Adxl345Source>? logger = null, bool shouldDispose = true)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        try
        {
            Adxl345SourceOptionsValidator.ThrowIfInvalid(options);
            _sensor = new Adxl345(device, shouldDispose: false) { Range = options.Range, DataRate = DataRateFor(options.Rate) };
        }
        catch (Exception ex) when (ex is ArgumentException or IOException)
        {
            if (shouldDispose)
            {
                device.Dispose();
            }

            if (ex is ArgumentException)
            {
                throw;
            }

            throw ex is DeviceIdentityException
                ? new SensorException($"No ADXL345 at {device.ConnectionSettings}: {ex.Message}", ex)
                : new SensorException($"ADXL345 at {device.ConnectionSettings}: {ex.Message}", ex);
        }

        _device = device;
        _shouldDispose = shouldDispose;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _rate = options.Rate;
        Settings = device.ConnectionSettings;
        Name = $"adxl345:i2c-{Settings.BusId}@0x{Settings.DeviceAddress:X2}";
        Channels = [new(options.XName, "g", _rate), new(options.YName, "g", _rate), new(options.ZName, "g", _rate)];
        _clock = new PollingClock(timeProvider, _rate);
        Log.SourceOpened(_logger, Name, Channels.Count, string.Join(", ", Channels.Select(c => c.Name)));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<SensorChannel> Channels { get; }

    /// <summary>The bus and address of the chip.</summary>
    public I2cConnectionSettings Settings { get; }

    /// <summary>The chip's output data rate, chosen from the polling rate.</summary>
    public Adxl345DataRate DataRate => _sensor.DataRate;

    /// <summary>Polling slots skipped because a read came late.</summary>
    public long MissedSlots => _clock.MissedSlots;

    /// <summary>Rows given to readers so far.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Opens <c>/dev/i2c-{Bus}</c> at <see cref="Adxl345SourceOptions.Address"/> and creates the source on it.</summary>
    /// <exception cref="SensorException">The bus cannot be opened or no ADXL345 answers.</exception>
    public static Adxl345Source Open(Adxl345SourceOptions options, TimeProvider timeProvider, ILogger<Adxl345Source>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Adxl345SourceOptionsValidator.ThrowIfInvalid(options);
        LinuxI2cDevice device;
        try
        {
            device = new LinuxI2cDevice(new I2cConnectionSettings(options.Bus, options.Address));
        }
        catch (IOException ex)
        {
            throw new SensorException($"ADXL345 (Sensors:Adxl345:Bus {options.Bus}, Address 0x{options.Address:X2}): {ex.Message}", ex);
        }

        return new Adxl345Source(device, options, timeProvider, logger, shouldDispose: true);
    }

    /// <summary>The lowest output data rate at or above <paramref name="rate"/> rows per second.</summary>
    public static Adxl345DataRate DataRateFor(double rate)
    {
        foreach ((double hz, Adxl345DataRate code) in DataRates)
        {
            if (hz >= rate)
            {
                return code;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(rate), rate, "The ADXL345's fastest output rate is 3200 Hz.");
    }

    /// <inheritdoc />
    /// <exception cref="SensorException">The bus transfer failed.</exception>
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

        DateTimeOffset stamp = _clock.Stamp();
        Vector3 g;
        try
        {
            g = _sensor.ReadAcceleration();
        }
        catch (IOException ex)
        {
            throw new SensorException($"{Name}: reading the acceleration failed: {ex.Message}", ex);
        }

        Span<double> row = block.AddRow(stamp);
        row[0] = g.X;
        row[1] = g.Y;
        row[2] = g.Z;
        RowsRead++;
        return true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _sensor.Dispose();
            if (_shouldDispose)
            {
                _device.Dispose();
            }

            Log.SourceClosed(_logger, Name, RowsRead);
        }

        return ValueTask.CompletedTask;
    }

}
