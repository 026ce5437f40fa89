namespace EdgeAgent.Inference;

/// <summary>A model could not be loaded: missing, empty, corrupt, truncated or unsupported.</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException()
    {
    }

    public ModelLoadException(string message)
        : base(message)
    {
    }

    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
