namespace EdgeAgent.Kit;

/// <summary>A command cannot go on; the message says why and what to do.</summary>
internal sealed class KitException : Exception
{
    public KitException()
    {
    }

    public KitException(string message)
        : base(message)
    {
    }

    public KitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
