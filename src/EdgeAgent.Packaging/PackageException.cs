namespace EdgeAgent.Packaging;

/// <summary>A model package is malformed or does not agree with its model; nothing of it is used.</summary>
public sealed class PackageException : Exception
{
    public PackageException()
    {
    }

    public PackageException(string message)
        : base(message)
    {
    }

    public PackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
