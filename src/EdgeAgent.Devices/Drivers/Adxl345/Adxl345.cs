using System.Buffers.Binary;
using System.Numerics;
using EdgeAgent.Devices.I2c;

namespace EdgeAgent.Devices.Drivers;

/// <summary>
/// ADXL345 3-axis accelerometer over I2C (address 0x53 with SDO low, 0x1D with SDO high), in dotnet/iot's conventions.
/// The constructor checks the device id and starts measuring in full resolution (3.9 mg/LSB) at ±2 g and 100 Hz;
/// <see cref="Range"/> and <see cref="DataRate"/> change that.
/// </summary>
public sealed class Adxl345 : IDisposable
{
    /// <summary>The address with SDO/ALT ADDRESS low.</summary>
    public const int DefaultI2cAddress = 0x53;

    /// <summary>The address with SDO/ALT ADDRESS high.</summary>
    public const int AlternateI2cAddress = 0x1D;

    /// <summary>g per LSB in full-resolution mode (3.9 mg/LSB at every range).</summary>
    public const float GravityPerLsb = 0.0039f;

    private readonly I2cDevice _device;
    private readonly bool _shouldDispose;
    private Adxl345Range _range = Adxl345Range.PlusMinus2G;
    private Adxl345DataRate _dataRate = Adxl345DataRate.Hz100;

    /// <summary>Checks the device and starts measuring.</summary>
    /// <param name="device">The I2C device the ADXL345 answers on.</param>
    /// <param name="shouldDispose">True to dispose <paramref name="device"/> with this object.</param>
    /// <exception cref="DeviceIdentityException">DEVID is not 0xE5.</exception>
    /// <exception cref="IOException">The bus transfer failed.</exception>
    public Adxl345(I2cDevice device, bool shouldDispose = true)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _shouldDispose = shouldDispose;

        byte id = ReadRegister(Adxl345Register.DeviceId);
        if (id != Adxl345Register.ExpectedDeviceId)
        {
            throw new DeviceIdentityException(
                $"No ADXL345 at {device.ConnectionSettings}: DEVID is 0x{id:X2}, expected 0x{Adxl345Register.ExpectedDeviceId:X2}. Check the address (0x53 or 0x1D) and the wiring.",
                Adxl345Register.ExpectedDeviceId,
                id);
        }

        WriteDataFormat(_range);
        WriteRegister(Adxl345Register.BandwidthRate, (byte)_dataRate);
        WriteRegister(Adxl345Register.PowerControl, Adxl345Register.Measure);
    }

    /// <summary>The measuring range; full resolution keeps 3.9 mg/LSB, so a wider range only adds headroom.</summary>
    public Adxl345Range Range
    {
        get => _range;
        set
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown ADXL345 range.");
            }

            WriteDataFormat(value);
            _range = value;
        }
    }

    /// <summary>The output data rate.</summary>
    public Adxl345DataRate DataRate
    {
        get => _dataRate;
        set
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown ADXL345 data rate.");
            }

            WriteRegister(Adxl345Register.BandwidthRate, (byte)value);
            _dataRate = value;
        }
    }

    /// <summary>Reads the latest sample of all three axes in g.</summary>
    /// <exception cref="IOException">The bus transfer failed.</exception>
    public Vector3 ReadAcceleration()
    {
        Span<byte> data = stackalloc byte[6];
        _device.WriteRead([Adxl345Register.DataX0], data);
        return new Vector3(
            BinaryPrimitives.ReadInt16LittleEndian(data) * GravityPerLsb,
            BinaryPrimitives.ReadInt16LittleEndian(data[2..]) * GravityPerLsb,
            BinaryPrimitives.ReadInt16LittleEndian(data[4..]) * GravityPerLsb);
    }

    /// <summary>Reads a sample only when the device has a new one (INT_SOURCE DATA_READY set).</summary>
    /// <returns>False, with <paramref name="acceleration"/> zero, when no new sample is ready.</returns>
    /// <exception cref="IOException">The bus transfer failed.</exception>
    public bool TryReadAcceleration(out Vector3 acceleration)
    {
        if ((ReadRegister(Adxl345Register.InterruptSource) & Adxl345Register.DataReady) == 0)
        {
            acceleration = Vector3.Zero;
            return false;
        }

        acceleration = ReadAcceleration();
        return true;
    }

    /// <summary>Disposes the I2C device when this object owns it.</summary>
    public void Dispose()
    {
        if (_shouldDispose)
        {
            _device.Dispose();
        }
    }

    private void WriteDataFormat(Adxl345Range range) =>
        WriteRegister(Adxl345Register.DataFormat, (byte)(Adxl345Register.FullResolution | (byte)range));

    private byte ReadRegister(byte register)
    {
        Span<byte> value = stackalloc byte[1];
        _device.WriteRead([register], value);
        return value[0];
    }

    private void WriteRegister(byte register, byte value) => _device.Write([register, value]);
}
