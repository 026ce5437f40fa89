namespace EdgeAgent.Drift.Calibration;

/// <summary>The reference profile cannot be used for drift detection: it does not match the package's inputs, or it is malformed.</summary>
public sealed class DriftProfileException : Exception
{
    public DriftProfileException()
    {
    }

    public DriftProfileException(string message)
        : base(message)
    {
    }

    public DriftProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
