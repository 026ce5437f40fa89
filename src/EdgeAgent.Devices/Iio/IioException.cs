namespace EdgeAgent.Devices.Iio;

/// <summary>An IIO sysfs file is missing or holds something that is not what the kernel ABI promises.</summary>
public sealed class IioException : IOException
{
    public IioException()
    {
    }

    public IioException(string message)
        : base(message)
    {
    }

    public IioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming the file at fault.</summary>
    public IioException(string message, string path, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>The sysfs file or directory at fault.</summary>
    public string? Path { get; }
}
