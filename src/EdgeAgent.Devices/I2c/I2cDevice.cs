namespace EdgeAgent.Devices.I2c;

/// <summary>
/// One device on an I2C bus, in the shape of dotnet/iot's <c>I2cDevice</c>. Drivers that take an <see cref="I2cDevice"/>
/// also take <c>shouldDispose</c>: true hands them ownership, false leaves the caller to dispose it.
/// </summary>
public abstract class I2cDevice : IDisposable
{
    /// <summary>The bus and address this device answers on.</summary>
    public abstract I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>Reads one byte.</summary>
    public virtual byte ReadByte()
    {
        Span<byte> buffer = stackalloc byte[1];
        Read(buffer);
        return buffer[0];
    }

    /// <summary>Reads <paramref name="buffer"/>.Length bytes in one transfer.</summary>
    public abstract void Read(Span<byte> buffer);

    /// <summary>Writes one byte.</summary>
    public virtual void WriteByte(byte value) => Write([value]);

    /// <summary>Writes <paramref name="buffer"/> in one transfer.</summary>
    public abstract void Write(ReadOnlySpan<byte> buffer);

    /// <summary>Writes then reads with a repeated start and no stop in between (the usual register read).</summary>
    public abstract void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer);

    /// <summary>Releases the device.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources; derived classes override.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
