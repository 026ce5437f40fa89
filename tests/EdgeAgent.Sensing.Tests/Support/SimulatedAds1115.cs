using System.Buffers.Binary;
using EdgeAgent.Devices.I2c;
using EdgeAgent.TestKit;

namespace EdgeAgent.Sensing.Tests.Support;

/// <summary>
/// A model of the ADS1115's 16-bit register map: the first written byte is the address pointer, a 3-byte write
/// stores a register (big-endian), a read returns the pointed register. A single-shot start clears OS for one config
/// read, then loads the conversion register with the raw count set for the selected input (MUX code). When
/// <see cref="NeverFinishes"/>, every transaction moves the fake clock by 1 ms, as a bus transfer takes time.
/// </summary>
internal sealed class SimulatedAds1115(ManualTimeProvider clock) : I2cDevice
{
    private readonly List<byte[]> _writes = [];
    private byte _pointer;
    private ushort _config = 0x8583;
    private bool _converting;
    private short _conversion;

    public override I2cConnectionSettings ConnectionSettings { get; } = new(1, 0x48);

    /// <summary>The raw count each MUX code converts to.</summary>
    public Dictionary<int, short> RawByMux { get; } = [];

    public bool NeverFinishes { get; set; }

    public IReadOnlyList<byte[]> Writes => _writes;

    public bool IsDisposed { get; private set; }

    public override void Read(Span<byte> buffer) => ReadPointed(buffer);

    public override void Write(ReadOnlySpan<byte> buffer) => WritePointer(buffer);

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        WritePointer(writeBuffer);
        ReadPointed(readBuffer);
    }

    protected override void Dispose(bool disposing) => IsDisposed = true;

    private void WritePointer(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Tick();
        _writes.Add(buffer.ToArray());
        _pointer = buffer[0];
        if (buffer.Length == 3 && _pointer == 0x01)
        {
            ushort value = BinaryPrimitives.ReadUInt16BigEndian(buffer[1..]);
            _config = (ushort)(value & 0x7FFF);
            _converting = (value & 0x8000) != 0;
        }
    }

    private void ReadPointed(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Tick();
        if (_pointer == 0x00)
        {
            BinaryPrimitives.WriteInt16BigEndian(buffer, _conversion);
            return;
        }

        bool busy = _converting;
        if (_converting && !NeverFinishes)
        {
            _converting = false;
            _conversion = RawByMux.GetValueOrDefault((_config >> 12) & 0x7);
        }

        BinaryPrimitives.WriteUInt16BigEndian(buffer, (ushort)(_config | (busy ? 0 : 0x8000)));
    }

    private void Tick()
    {
        if (NeverFinishes)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }
    }
}
