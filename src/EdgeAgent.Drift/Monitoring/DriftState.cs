namespace EdgeAgent.Drift.Monitoring;

/// <summary>The overall state a <see cref="DriftVerdict"/> gives.</summary>
public enum DriftState
{
    /// <summary>Too few windows seen (<see cref="DriftOptions.MinimumWindows"/>), or nothing could be judged yet (every value non-finite).</summary>
    InsufficientData,

    /// <summary>Every judged feature and output matches the reference.</summary>
    NoDrift,

    /// <summary>At least one feature drifted or one output changed.</summary>
    Drift,
}
