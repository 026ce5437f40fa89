namespace EdgeAgent.Agent.Models;

/// <summary>The model cannot be served with this source or this agent; the message says why and what to change.</summary>
public sealed class ModelStartException : Exception
{
    public ModelStartException()
    {
    }

    public ModelStartException(string message)
        : base(message)
    {
    }

    public ModelStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
