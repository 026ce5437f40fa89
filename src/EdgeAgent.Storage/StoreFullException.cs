namespace EdgeAgent.Storage;

/// <summary>The disk or the store's page limit is full, and retention could not free enough room: the write was not made. The store stays usable.</summary>
public sealed class StoreFullException : StoreException
{
    public StoreFullException()
    {
    }

    public StoreFullException(string message)
        : base(message)
    {
    }

    public StoreFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
