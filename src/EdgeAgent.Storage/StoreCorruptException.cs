namespace EdgeAgent.Storage;

/// <summary>The database file is not a database or is damaged; the message names the path.</summary>
public sealed class StoreCorruptException : StoreException
{
    public StoreCorruptException()
    {
    }

    public StoreCorruptException(string message)
        : base(message)
    {
    }

    public StoreCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
