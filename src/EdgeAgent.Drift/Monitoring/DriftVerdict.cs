namespace EdgeAgent.Drift.Monitoring;

/// <summary>What a <see cref="DriftMonitor"/> concluded at one judgement.</summary>
/// <param name="Time">When, by the monitor's clock.</param>
/// <param name="WindowsSeen">Windows observed since the monitor started (or was reset).</param>
/// <param name="State">The overall state.</param>
/// <param name="Features">Every feature's scores, in model-input order.</param>
/// <param name="DriftedFeatures">The names of the features that drifted, highest score first.</param>
/// <param name="Outputs">Every output's change test, in profile order.</param>
/// <param name="OutputChangeDetected">Whether any output's test passed its limit since the previous verdict.</param>
/// <param name="NonFiniteValues">NaN or infinite feature and output values skipped since the monitor started.</param>
public sealed record DriftVerdict(
    DateTimeOffset Time,
    long WindowsSeen,
    DriftState State,
    IReadOnlyList<FeatureDrift> Features,
    IReadOnlyList<string> DriftedFeatures,
    IReadOnlyList<OutputDrift> Outputs,
    bool OutputChangeDetected,
    long NonFiniteValues);
