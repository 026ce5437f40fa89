using System.Text;
using EdgeAgent.Devices.Gpio.Uapi;
using EdgeAgent.Devices.Interop;

namespace EdgeAgent.Devices.Gpio;

/// <summary>
/// A GPIO controller through the Linux GPIO character device, v2 uAPI (<c>/dev/gpiochipN</c>, kernel 5.10 or later),
/// with <c>ioctl</c> only: no libgpiod. Each open pin is one line request with its own file descriptor, released when
/// the pin is closed or the driver disposed.
/// </summary>
public sealed class GpioCharacterDeviceDriver : GpioDriver
{
    /// <summary>The consumer label the kernel shows for lines this driver holds (see <c>gpioinfo</c>).</summary>
    public const string DefaultConsumer = "edgeagent";

    private readonly FileDescriptorHandle _chip;
    private readonly byte[] _consumer;
    private readonly Dictionary<int, FileDescriptorHandle> _lines = [];

    /// <summary>Opens <c>/dev/gpiochip{chipNumber}</c>.</summary>
    /// <exception cref="GpioException">The chip is missing, not accessible, or not a GPIO character device.</exception>
    public GpioCharacterDeviceDriver(int chipNumber, string consumer = DefaultConsumer)
        : this(ChipPathOf(chipNumber), consumer)
    {
    }

    /// <summary>Opens the GPIO chip at <paramref name="chipPath"/>.</summary>
    /// <exception cref="GpioException">The chip is missing, not accessible, or not a GPIO character device.</exception>
    public GpioCharacterDeviceDriver(string chipPath, string consumer = DefaultConsumer)
    {
        ArgumentException.ThrowIfNullOrEmpty(chipPath);
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        _consumer = Encoding.ASCII.GetBytes(consumer);
        if (_consumer.Length >= GpioV2Uapi.MaxNameSize)
        {
            throw new ArgumentException($"The consumer label is at most {GpioV2Uapi.MaxNameSize - 1} ASCII characters.", nameof(consumer));
        }

        ChipPath = chipPath;
        if (!FileDescriptorHandle.TryOpen(chipPath, out _chip, out int errno))
        {
            throw new GpioException($"Cannot open GPIO chip '{chipPath}': {Errno.Describe(errno)}.{OpenHint(errno)}", chipPath, null, errno);
        }

        try
        {
            (ChipName, ChipLabel, PinCount) = ReadChipInfo();
        }
        catch
        {
            _chip.Dispose();
            throw;
        }
    }

    /// <summary>The chip's device path, such as <c>/dev/gpiochip0</c>.</summary>
    public string ChipPath { get; }

    /// <summary>The kernel's name for the chip, such as <c>gpiochip0</c>.</summary>
    public string ChipName { get; }

    /// <summary>The chip's functional label, such as <c>pinctrl-bcm2711</c>.</summary>
    public string ChipLabel { get; }

    /// <inheritdoc />
    public override int PinCount { get; }

    /// <inheritdoc />
    protected override unsafe void OpenPinCore(int pinNumber, PinMode mode, PinValue initialOutputValue)
    {
        GpioV2LineRequest request = default;
        request.Offsets[0] = (uint)pinNumber;
        request.NumLines = 1;
        for (int i = 0; i < _consumer.Length; i++)
        {
            request.Consumer[i] = _consumer[i];
        }

        request.Config = ConfigFor(mode, initialOutputValue);
        if (Libc.Ioctl(_chip, GpioV2Uapi.GetLine, &request) < 0)
        {
            throw LineError(pinNumber, $"request as {mode}", Errno.Last);
        }

        _lines[pinNumber] = new FileDescriptorHandle(request.Fd);
    }

    /// <inheritdoc />
    protected override void ClosePinCore(int pinNumber)
    {
        if (_lines.Remove(pinNumber, out FileDescriptorHandle? line))
        {
            line.Dispose();
        }
    }

    /// <inheritdoc />
    protected override unsafe void SetPinModeCore(int pinNumber, PinMode mode)
    {
        GpioV2LineConfig config = ConfigFor(mode, PinValue.Low);
        if (Libc.Ioctl(_lines[pinNumber], GpioV2Uapi.SetConfig, &config) < 0)
        {
            throw LineError(pinNumber, $"reconfigure as {mode}", Errno.Last);
        }
    }

    /// <inheritdoc />
    protected override unsafe PinValue ReadCore(int pinNumber)
    {
        var values = new GpioV2LineValues { Mask = 1 };
        if (Libc.Ioctl(_lines[pinNumber], GpioV2Uapi.GetValues, &values) < 0)
        {
            throw LineError(pinNumber, "read (GPIO_V2_LINE_GET_VALUES_IOCTL)", Errno.Last);
        }

        return (values.Bits & 1) != 0 ? PinValue.High : PinValue.Low;
    }

    /// <inheritdoc />
    protected override unsafe void WriteCore(int pinNumber, PinValue value)
    {
        var values = new GpioV2LineValues { Mask = 1, Bits = value == PinValue.High ? 1UL : 0UL };
        if (Libc.Ioctl(_lines[pinNumber], GpioV2Uapi.SetValues, &values) < 0)
        {
            throw LineError(pinNumber, $"write {value} (GPIO_V2_LINE_SET_VALUES_IOCTL)", Errno.Last);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _chip.Dispose();
        }
    }

    /// <summary>The line configuration for one line (index 0 of its request) in <paramref name="mode"/>.</summary>
    internal static GpioV2LineConfig ConfigFor(PinMode mode, PinValue initialOutputValue)
    {
        var config = new GpioV2LineConfig
        {
            Flags = (ulong)(mode switch
            {
                PinMode.Output => GpioV2LineFlags.Output,
                PinMode.InputPullUp => GpioV2LineFlags.Input | GpioV2LineFlags.BiasPullUp,
                PinMode.InputPullDown => GpioV2LineFlags.Input | GpioV2LineFlags.BiasPullDown,
                _ => GpioV2LineFlags.Input,
            }),
        };
        if (mode == PinMode.Output)
        {
            config.NumAttributes = 1;
            config.Attributes[0] = new GpioV2LineConfigAttribute
            {
                Attribute = new GpioV2LineAttribute
                {
                    Id = GpioV2Uapi.AttributeIdOutputValues,
                    Values = initialOutputValue == PinValue.High ? 1UL : 0UL,
                },
                Mask = 1,
            };
        }

        return config;
    }

    private static string ChipPathOf(int chipNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chipNumber);
        return $"/dev/gpiochip{chipNumber}";
    }

    private static string OpenHint(int errno) => errno switch
    {
        Errno.NoSuchFile => " Check the chip number (ls /dev/gpiochip*) and that the GPIO controller is enabled.",
        Errno.PermissionDenied => " Run as a user in the group that owns the device (often 'gpio') or grant access with a udev rule.",
        _ => string.Empty,
    };

    private static unsafe string ReadName(byte* name) =>
        Encoding.ASCII.GetString(new ReadOnlySpan<byte>(name, GpioV2Uapi.MaxNameSize).TrimEnd((byte)0).ToArray()).TrimEnd('\0');

    private unsafe (string Name, string Label, int Lines) ReadChipInfo()
    {
        GpioChipInfo info = default;
        if (Libc.Ioctl(_chip, GpioV2Uapi.GetChipInfo, &info) < 0)
        {
            int errno = Errno.Last;
            string hint = errno == Errno.NotATypewriter ? " Is it a GPIO character device?" : string.Empty;
            throw new GpioException(
                $"GPIO chip '{ChipPath}': GPIO_GET_CHIPINFO_IOCTL failed: {Errno.Describe(errno)}.{hint}", ChipPath, null, errno);
        }

        return (ReadName(info.Name), ReadName(info.Label), checked((int)info.Lines));
    }

    private GpioException LineError(int pinNumber, string action, int errno)
    {
        string hint = errno == Errno.Busy ? " Another process or a kernel driver holds the line (see gpioinfo)." : string.Empty;
        return new GpioException(
            $"GPIO chip '{ChipPath}' line {pinNumber}: cannot {action}: {Errno.Describe(errno)}.{hint}", ChipPath, pinNumber, errno);
    }
}
