namespace EdgeAgent.Storage;

/// <summary>The database was written by a newer agent whose schema this one does not know; it is refused rather than changed.</summary>
public sealed class StoreSchemaTooNewException : StoreException
{
    public StoreSchemaTooNewException()
    {
    }

    public StoreSchemaTooNewException(string message)
        : base(message)
    {
    }

    public StoreSchemaTooNewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
