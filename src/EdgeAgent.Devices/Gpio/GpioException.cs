namespace EdgeAgent.Devices.Gpio;

/// <summary>A GPIO chip could not be opened or a line request or ioctl on it failed.</summary>
public sealed class GpioException : IOException
{
    public GpioException()
    {
    }

    public GpioException(string message)
        : base(message)
    {
    }

    public GpioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the chip, line and errno that failed.</summary>
    public GpioException(string message, string chipPath, int? line, int errno)
        : base(message)
    {
        ChipPath = chipPath;
        Line = line;
        Errno = errno;
    }

    /// <summary>The chip's device path, such as <c>/dev/gpiochip0</c>.</summary>
    public string? ChipPath { get; }

    /// <summary>The line offset on the chip, when a single line was involved.</summary>
    public int? Line { get; }

    /// <summary>The errno the kernel answered, or 0.</summary>
    public int Errno { get; }
}
