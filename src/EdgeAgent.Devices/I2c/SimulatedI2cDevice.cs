namespace EdgeAgent.Devices.I2c;

/// <summary>
/// An I2C device with 256 byte-wide registers in memory, for tests and simulation, like dotnet/iot's
/// <c>SimulatedI2cDevice</c>: the first byte of a write sets the register pointer and later bytes are stored from
/// there on, a read returns registers from the pointer on, and both advance the pointer. Every write is recorded.
/// </summary>
public class SimulatedI2cDevice : I2cDevice
{
    private readonly byte[] _registers = new byte[256];
    private readonly List<byte[]> _writes = [];
    private readonly object _gate = new();
    private byte _pointer;
    private bool _disposed;

    /// <summary>Creates a device answering on bus 1 at <paramref name="deviceAddress"/>.</summary>
    public SimulatedI2cDevice(int deviceAddress)
        : this(new I2cConnectionSettings(1, deviceAddress))
    {
    }

    /// <summary>Creates a device answering as <paramref name="settings"/>.</summary>
    public SimulatedI2cDevice(I2cConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ConnectionSettings = settings;
    }

    /// <inheritdoc />
    public override I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>When false every transfer fails as if no device acknowledged (a missing or unpowered device).</summary>
    public bool Acknowledges { get; set; } = true;

    /// <summary>Whether the device has been disposed.</summary>
    public bool IsDisposed => _disposed;

    /// <summary>The register the next read or write starts at.</summary>
    public byte RegisterPointer
    {
        get
        {
            lock (_gate)
            {
                return _pointer;
            }
        }
    }

    /// <summary>The bytes of every write transfer (including the write half of a write-read), in order.</summary>
    public IReadOnlyList<byte[]> Writes
    {
        get
        {
            lock (_gate)
            {
                return _writes.Select(w => w.ToArray()).ToArray();
            }
        }
    }

    /// <summary>The stored value of a register.</summary>
    public byte GetRegister(byte register)
    {
        lock (_gate)
        {
            return _registers[register];
        }
    }

    /// <summary>Sets registers from <paramref name="register"/> on, as the device itself would (not recorded as a write).</summary>
    public void SetRegisters(byte register, params ReadOnlySpan<byte> values)
    {
        lock (_gate)
        {
            for (int i = 0; i < values.Length; i++)
            {
                _registers[(byte)(register + i)] = values[i];
            }
        }
    }

    /// <summary>Forgets the recorded writes.</summary>
    public void ClearWrites()
    {
        lock (_gate)
        {
            _writes.Clear();
        }
    }

    /// <inheritdoc />
    public override void Read(Span<byte> buffer)
    {
        lock (_gate)
        {
            ThrowIfUnavailable();
            ReadRegisters(buffer);
        }
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_gate)
        {
            ThrowIfUnavailable();
            WriteRegisters(buffer);
        }
    }

    /// <inheritdoc />
    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        lock (_gate)
        {
            ThrowIfUnavailable();
            WriteRegisters(writeBuffer);
            ReadRegisters(readBuffer);
        }
    }

    /// <summary>Called after a write stored <paramref name="value"/> in <paramref name="register"/>; a model of a chip reacts here.</summary>
    protected virtual void OnRegisterWritten(byte register, byte value)
    {
    }

    /// <summary>The value a read of <paramref name="register"/> returns; by default the stored value.</summary>
    protected virtual byte OnRegisterRead(byte register) => _registers[register];

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }

    private void WriteRegisters(ReadOnlySpan<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        _writes.Add(buffer.ToArray());
        _pointer = buffer[0];
        foreach (byte value in buffer[1..])
        {
            byte register = _pointer++;
            _registers[register] = value;
            OnRegisterWritten(register, value);
        }
    }

    private void ReadRegisters(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = OnRegisterRead(_pointer++);
        }
    }

    private void ThrowIfUnavailable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!Acknowledges)
        {
            throw new I2cException($"Simulated {ConnectionSettings}: no device acknowledged.");
        }
    }
}
