using System.Buffers.Binary;
using EdgeAgent.Devices.I2c;

namespace EdgeAgent.Devices.Drivers;

/// <summary>
/// ADS1115 16-bit ADC over I2C (address 0x48 to 0x4B by the ADDR pin), in dotnet/iot's conventions. Each read is a
/// single-shot conversion: write the config register with OS set, poll OS until the conversion is done (bounded by
/// <see cref="ConversionTimeout"/> on the injected <see cref="TimeProvider"/>), then read the big-endian two's
/// complement result. The comparator stays disabled.
/// </summary>
public sealed class Ads1115 : IDisposable
{
    /// <summary>The address with ADDR tied to GND.</summary>
    public const int DefaultI2cAddress = 0x48;

    private readonly I2cDevice _device;
    private readonly TimeProvider _timeProvider;
    private readonly bool _shouldDispose;
    private Ads1115InputMultiplexer _inputMultiplexer = Ads1115InputMultiplexer.Ain0Ain1;
    private Ads1115MeasuringRange _measuringRange = Ads1115MeasuringRange.FullScale2048mV;
    private Ads1115DataRate _dataRate = Ads1115DataRate.Sps128;
    private TimeSpan _conversionTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>Creates the driver; nothing is written until the first read.</summary>
    /// <param name="device">The I2C device the ADS1115 answers on.</param>
    /// <param name="timeProvider">The clock that bounds conversion polling; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="shouldDispose">True to dispose <paramref name="device"/> with this object.</param>
    public Ads1115(I2cDevice device, TimeProvider? timeProvider = null, bool shouldDispose = true)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _shouldDispose = shouldDispose;
    }

    /// <summary>The input that <see cref="ReadRaw()"/> and <see cref="ReadVoltage()"/> measure. Default AIN0 - AIN1.</summary>
    public Ads1115InputMultiplexer InputMultiplexer
    {
        get => _inputMultiplexer;
        set => _inputMultiplexer = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown multiplexer setting.");
    }

    /// <summary>The full-scale range (PGA). Default ±2.048 V.</summary>
    public Ads1115MeasuringRange MeasuringRange
    {
        get => _measuringRange;
        set => _measuringRange = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown measuring range.");
    }

    /// <summary>The conversion rate. Default 128 SPS.</summary>
    public Ads1115DataRate DataRate
    {
        get => _dataRate;
        set => _dataRate = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown data rate.");
    }

    /// <summary>How long to wait for a conversion before giving up. Default 500 ms (a conversion at 8 SPS takes 125 ms).</summary>
    public TimeSpan ConversionTimeout
    {
        get => _conversionTimeout;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _conversionTimeout = value;
        }
    }

    /// <summary>Volts per count at a range: full scale / 32768.</summary>
    public static double VoltsPerCount(Ads1115MeasuringRange range) => FullScaleVolts(range) / 32768.0;

    /// <summary>The full-scale voltage of a range, such as 2.048 for ±2.048 V.</summary>
    public static double FullScaleVolts(Ads1115MeasuringRange range) => range switch
    {
        Ads1115MeasuringRange.FullScale6144mV => 6.144,
        Ads1115MeasuringRange.FullScale4096mV => 4.096,
        Ads1115MeasuringRange.FullScale2048mV => 2.048,
        Ads1115MeasuringRange.FullScale1024mV => 1.024,
        Ads1115MeasuringRange.FullScale512mV => 0.512,
        Ads1115MeasuringRange.FullScale256mV => 0.256,
        _ => throw new ArgumentOutOfRangeException(nameof(range), range, "Unknown measuring range."),
    };

    /// <summary>The config word that starts a single-shot conversion of <paramref name="input"/> with the current range and rate.</summary>
    public ushort BuildConfig(Ads1115InputMultiplexer input) => (ushort)(
        Ads1115Register.OperationalStatus
        | ((int)input << Ads1115Register.MultiplexerShift)
        | ((int)_measuringRange << Ads1115Register.GainShift)
        | Ads1115Register.SingleShotMode
        | ((int)_dataRate << Ads1115Register.DataRateShift)
        | Ads1115Register.ComparatorDisabled);

    /// <summary>Converts the current <see cref="InputMultiplexer"/> and returns the raw count.</summary>
    /// <exception cref="TimeoutException">The conversion did not finish within <see cref="ConversionTimeout"/>.</exception>
    /// <exception cref="IOException">The bus transfer failed.</exception>
    public short ReadRaw() => ReadRaw(_inputMultiplexer);

    /// <summary>Converts <paramref name="input"/> and returns the raw count.</summary>
    /// <exception cref="TimeoutException">The conversion did not finish within <see cref="ConversionTimeout"/>.</exception>
    /// <exception cref="IOException">The bus transfer failed.</exception>
    public short ReadRaw(Ads1115InputMultiplexer input) =>
        TryConvert(input, out short raw)
            ? raw
            : throw new TimeoutException(
                $"ADS1115 at {_device.ConnectionSettings}: conversion of {input} not finished after {_conversionTimeout.TotalMilliseconds} ms (config OS bit never set).");

    /// <summary>Converts the current <see cref="InputMultiplexer"/> and returns volts.</summary>
    /// <exception cref="TimeoutException">The conversion did not finish within <see cref="ConversionTimeout"/>.</exception>
    public double ReadVoltage() => ReadVoltage(_inputMultiplexer);

    /// <summary>Converts <paramref name="input"/> and returns volts.</summary>
    /// <exception cref="TimeoutException">The conversion did not finish within <see cref="ConversionTimeout"/>.</exception>
    public double ReadVoltage(Ads1115InputMultiplexer input) => ToVolts(ReadRaw(input), _measuringRange);

    /// <summary>Converts <paramref name="input"/>; false when the conversion did not finish in time.</summary>
    /// <exception cref="IOException">The bus transfer failed.</exception>
    public bool TryReadVoltage(Ads1115InputMultiplexer input, out double volts)
    {
        if (TryConvert(input, out short raw))
        {
            volts = ToVolts(raw, _measuringRange);
            return true;
        }

        volts = 0;
        return false;
    }

    /// <summary>Volts for a raw count at a range.</summary>
    public static double ToVolts(short raw, Ads1115MeasuringRange range) => raw * VoltsPerCount(range);

    /// <summary>Disposes the I2C device when this object owns it.</summary>
    public void Dispose()
    {
        if (_shouldDispose)
        {
            _device.Dispose();
        }
    }

    private bool TryConvert(Ads1115InputMultiplexer input, out short raw)
    {
        if (!Enum.IsDefined(input))
        {
            throw new ArgumentOutOfRangeException(nameof(input), input, "Unknown multiplexer setting.");
        }

        ushort config = BuildConfig(input);
        _device.Write([Ads1115Register.Config, (byte)(config >> 8), (byte)config]);

        // Poll OS; each poll is a bus transaction (hundreds of microseconds), which paces the loop. The deadline is
        // measured on the injected clock so tests can run out the timeout without sleeping.
        long started = _timeProvider.GetTimestamp();
        while ((ReadRegister(Ads1115Register.Config) & Ads1115Register.OperationalStatus) == 0)
        {
            if (_timeProvider.GetElapsedTime(started) > _conversionTimeout)
            {
                raw = 0;
                return false;
            }
        }

        raw = (short)ReadRegister(Ads1115Register.Conversion);
        return true;
    }

    private ushort ReadRegister(byte register)
    {
        Span<byte> value = stackalloc byte[2];
        _device.WriteRead([register], value);
        return BinaryPrimitives.ReadUInt16BigEndian(value);
    }
}
