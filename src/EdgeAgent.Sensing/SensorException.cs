namespace EdgeAgent.Sensing;

/// <summary>A sensor source failed; the message names the source and what went wrong.</summary>
public sealed class SensorException : Exception
{
    public SensorException()
    {
    }

    public SensorException(string message)
        : base(message)
    {
    }

    public SensorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
