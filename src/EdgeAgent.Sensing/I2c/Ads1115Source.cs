using EdgeAgent.Devices.Drivers;
using EdgeAgent.Devices.I2c;
using EdgeAgent.Sensing.Pacing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Sensing.I2c;

/// <summary>
/// An ADS1115 ADC polled over I2C: each configured input is a channel, volts × scale + offset, converted one after
/// another (single-shot) at <see cref="Ads1115SourceOptions.Rate"/> rows per second, one row per read, stamped with
/// the time the row began. The stream does not end.
/// </summary>
public sealed class Ads1115Source : ISensorSource
{
    private readonly ILogger _logger;
    private readonly Ads1115 _adc;
    private readonly Ads1115InputOptions[] _inputs;
    private readonly PollingClock _clock;
    private readonly double _rate;
    private bool _disposed;

    /// <summary>Creates the source on <paramref name="device"/>; nothing is written to the chip until the first read.</summary>
    /// <param name="device">The I2C device the ADS1115 answers on.</param>
    /// <param name="options">Rate, conversion rate and inputs (<see cref="Ads1115SourceOptions.Bus"/> and <see cref="Ads1115SourceOptions.Address"/> are the device's business here).</param>
    /// <param name="timeProvider">The clock that paces polling, stamps rows and bounds each conversion.</param>
    /// <param name="logger">Where to log; none when null.</param>
    /// <param name="shouldDispose">True to dispose <paramref name="device"/> with this source (also when the constructor fails).</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names each bad setting.</exception>
    public Ads1115Source(I2cDevice device, Ads1115SourceOptions options, TimeProvider timeProvider, ILogger<Ads1115Source>? logger = null, bool shouldDispose = true)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        try
        {
            Ads1115SourceOptionsValidator.ThrowIfInvalid(options);
        }
        catch (ArgumentException) when (shouldDispose)
        {
            device.Dispose();
            throw;
        }

        _logger = logger ?? (ILogger)NullLogger.Instance;
        _adc = new Ads1115(device, timeProvider, shouldDispose) { DataRate = options.DataRate };
        _rate = options.Rate;
        _inputs = [.. options.Inputs.Select(i => new Ads1115InputOptions
        {
            Input = i.Input,
            Name = i.Name,
            Units = i.Units,
            Range = i.Range,
            Scale = i.Scale,
            Offset = i.Offset,
        })];
        Settings = device.ConnectionSettings;
        Name = $"ads1115:i2c-{Settings.BusId}@0x{Settings.DeviceAddress:X2}";
        Channels = [.. _inputs.Select(i => new SensorChannel(i.Name, i.Units, _rate))];
        _clock = new PollingClock(timeProvider, _rate);
        Log.SourceOpened(_logger, Name, Channels.Count, string.Join(", ", _inputs.Select(i => $"{i.Input} as {i.Name}")));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<SensorChannel> Channels { get; }

    /// <summary>The bus and address of the chip.</summary>
    public I2cConnectionSettings Settings { get; }

    /// <summary>Polling slots skipped because a read came late.</summary>
    public long MissedSlots => _clock.MissedSlots;

    /// <summary>Rows given to readers so far.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Opens <c>/dev/i2c-{Bus}</c> at <see cref="Ads1115SourceOptions.Address"/> and creates the source on it.</summary>
    /// <exception cref="SensorException">The bus cannot be opened.</exception>
    public static Ads1115Source Open(Ads1115SourceOptions options, TimeProvider timeProvider, ILogger<Ads1115Source>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Ads1115SourceOptionsValidator.ThrowIfInvalid(options);
        LinuxI2cDevice device;
        try
        {
            device = new LinuxI2cDevice(new I2cConnectionSettings(options.Bus, options.Address));
        }
        catch (IOException ex)
        {
            throw new SensorException($"ADS1115 (Sensors:Ads1115:Bus {options.Bus}, Address 0x{options.Address:X2}): {ex.Message}", ex);
        }

        return new Ads1115Source(device, options, timeProvider, logger, shouldDispose: true);
    }

    /// <inheritdoc />
    /// <exception cref="SensorException">A conversion did not finish in time or the bus transfer failed.</exception>
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
        for (int i = 0; i < _inputs.Length; i++)
        {
            Ads1115InputOptions input = _inputs[i];
            try
            {
                _adc.MeasuringRange = input.Range;
                row[i] = (_adc.ReadVoltage(input.Input) * input.Scale) + input.Offset;
            }
            catch (Exception ex) when (ex is IOException or TimeoutException)
            {
                block.Clear();
                throw new SensorException($"{Name}: converting {input.Input} ({input.Name}) failed: {ex.Message}", ex);
            }
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
            _adc.Dispose();
            Log.SourceClosed(_logger, Name, RowsRead);
        }

        return ValueTask.CompletedTask;
    }
}
