using System.Buffers.Binary;
using EdgeAgent.Devices.I2c;
using EdgeAgent.TestKit;

namespace EdgeAgent.Devices.Tests.Drivers;

/// <summary>
/// A model of the ADS1115's 16-bit register map: the first written byte is the address pointer, a 3-byte write stores a
/// register (big-endian), a read returns the pointed register. A single-shot start clears OS for
/// <see cref="PollsUntilDone"/> config reads, then loads the conversion register for the selected input. Every
/// transaction moves the fake clock by <see cref="TimePerTransaction"/>, as a real bus transfer takes time.
/// </summary>
internal sealed class SimulatedAds1115(ManualTimeProvider clock) : I2cDevice
{
    private readonly List<byte[]> _writes = [];
    private byte _pointer;
    private ushort _config = 0x8583;
    private int _pollsLeft;
    private bool _converting;
    private byte[] _conversion = [0, 0];

    public override I2cConnectionSettings ConnectionSettings { get; } = new(1, 0x48);

    /// <summary>Conversion register bytes (big-endian, as on the wire) per MUX code.</summary>
    public Dictionary<int, byte[]> ConversionBytes { get; } = [];

    public int PollsUntilDone { get; set; } = 1;

    public bool NeverFinishes { get; set; }

    public TimeSpan TimePerTransaction { get; set; } = TimeSpan.FromMilliseconds(1);

    public IReadOnlyList<byte[]> Writes => _writes;

    public bool IsDisposed { get; private set; }

    public int ConfigReads { get; private set; }

    public override void Read(Span<byte> buffer)
    {
        clock.Advance(TimePerTransaction);
        ReadPointed(buffer);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        clock.Advance(TimePerTransaction);
        WritePointer(buffer);
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        clock.Advance(TimePerTransaction);
        WritePointer(writeBuffer);
        ReadPointed(readBuffer);
    }

    protected override void Dispose(bool disposing) => IsDisposed = true;

    private void WritePointer(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        _writes.Add(buffer.ToArray());
        _pointer = buffer[0];
        if (buffer.Length == 3 && _pointer == 0x01)
        {
            ushort value = BinaryPrimitives.ReadUInt16BigEndian(buffer[1..]);
            _config = (ushort)(value & 0x7FFF);
            if ((value & 0x8000) != 0 && (value & 0x0100) != 0)
            {
                _converting = true;
                _pollsLeft = PollsUntilDone;
            }
        }
    }

    private void ReadPointed(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (_pointer == 0x00)
        {
            _conversion.CopyTo(buffer);
            return;
        }

        ConfigReads++;
        if (_converting && !NeverFinishes && --_pollsLeft <= 0)
        {
            _converting = false;
            int mux = (_config >> 12) & 0x7;
            _conversion = ConversionBytes.TryGetValue(mux, out byte[]? bytes) ? bytes : [0, 0];
        }

        BinaryPrimitives.WriteUInt16BigEndian(buffer, (ushort)(_config | (_converting ? 0 : 0x8000)));
    }
}
