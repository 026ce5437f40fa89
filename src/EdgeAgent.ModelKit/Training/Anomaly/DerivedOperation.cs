namespace EdgeAgent.ModelKit.Training.Anomaly;

/// <summary>How a derived feature combines its two columns.</summary>
public enum DerivedOperation
{
    /// <summary>left × right.</summary>
    Product,

    /// <summary>left − right.</summary>
    Difference,
}
