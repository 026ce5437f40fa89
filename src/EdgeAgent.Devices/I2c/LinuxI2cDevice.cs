using EdgeAgent.Devices.I2c.Uapi;
using EdgeAgent.Devices.Interop;

namespace EdgeAgent.Devices.I2c;

/// <summary>
/// An I2C device through the Linux i2c-dev interface (<c>/dev/i2c-N</c>) with <c>ioctl(I2C_RDWR)</c>: every call is
/// one combined transfer that names the address itself, so no <c>I2C_SLAVE</c> is needed and a write-read keeps the
/// repeated start.
/// </summary>
public sealed class LinuxI2cDevice : I2cDevice
{
    private readonly FileDescriptorHandle _bus;

    /// <summary>Opens <c>/dev/i2c-{BusId}</c> for the device in <paramref name="settings"/>.</summary>
    /// <exception cref="I2cException">The bus device is missing or not accessible.</exception>
    public LinuxI2cDevice(I2cConnectionSettings settings)
        : this(settings, $"/dev/i2c-{settings?.BusId}")
    {
    }

    /// <summary>Opens the bus at <paramref name="busPath"/> for the device in <paramref name="settings"/>.</summary>
    /// <exception cref="I2cException">The bus device is missing or not accessible.</exception>
    public LinuxI2cDevice(I2cConnectionSettings settings, string busPath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(busPath);
        ConnectionSettings = settings;
        BusPath = busPath;
        if (!FileDescriptorHandle.TryOpen(busPath, out _bus, out int errno))
        {
            string hint = errno switch
            {
                Errno.NoSuchFile => " Check the bus number (ls /dev/i2c-*) and that i2c-dev is loaded and the bus enabled.",
                Errno.PermissionDenied => " Run as a user in the group that owns the device (often 'i2c').",
                _ => string.Empty,
            };
            throw new I2cException($"Cannot open I2C bus '{busPath}': {Errno.Describe(errno)}.{hint}", busPath, settings.DeviceAddress, errno);
        }
    }

    /// <inheritdoc />
    public override I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>The bus device path, such as <c>/dev/i2c-1</c>.</summary>
    public string BusPath { get; }

    /// <inheritdoc />
    /// <exception cref="I2cException">The transfer failed.</exception>
    public override void Read(Span<byte> buffer) => Transfer([], buffer);

    /// <inheritdoc />
    /// <exception cref="I2cException">The transfer failed.</exception>
    public override void Write(ReadOnlySpan<byte> buffer) => Transfer(buffer, []);

    /// <inheritdoc />
    /// <exception cref="I2cException">The transfer failed.</exception>
    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) => Transfer(writeBuffer, readBuffer);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _bus.Dispose();
        }

        base.Dispose(disposing);
    }

    private unsafe void Transfer(ReadOnlySpan<byte> write, Span<byte> read)
    {
        ObjectDisposedException.ThrowIf(_bus.IsClosed, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(write.Length, ushort.MaxValue, nameof(write));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(read.Length, ushort.MaxValue, nameof(read));
        if (write.IsEmpty && read.IsEmpty)
        {
            return;
        }

        var address = (ushort)ConnectionSettings.DeviceAddress;
        I2cMessage* messages = stackalloc I2cMessage[2];
        uint count = 0;
        fixed (byte* writePointer = write)
        fixed (byte* readPointer = read)
        {
            if (!write.IsEmpty)
            {
                messages[count++] = new I2cMessage { Address = address, Length = (ushort)write.Length, Buffer = writePointer };
            }

            if (!read.IsEmpty)
            {
                messages[count++] = new I2cMessage
                {
                    Address = address,
                    Flags = I2cMessage.FlagRead,
                    Length = (ushort)read.Length,
                    Buffer = readPointer,
                };
            }

            var data = new I2cRdwrIoctlData { Messages = messages, MessageCount = count };
            if (Libc.Ioctl(_bus, I2cRdwrIoctlData.Request, &data) < 0)
            {
                throw TransferError(write.Length, read.Length, Errno.Last);
            }
        }
    }

    private I2cException TransferError(int written, int read, int errno)
    {
        string hint = errno switch
        {
            Errno.RemoteIo or Errno.NoSuchDeviceOrAddress => " No device acknowledged: check the address, wiring and power.",
            Errno.NotATypewriter => " Is it an i2c-dev bus device?",
            _ => string.Empty,
        };
        return new I2cException(
            $"I2C transfer to address 0x{ConnectionSettings.DeviceAddress:X2} on '{BusPath}' (write {written} bytes, read {read} bytes) failed: {Errno.Describe(errno)}.{hint}",
            BusPath,
            ConnectionSettings.DeviceAddress,
            errno);
    }
}
