namespace EdgeAgent.LocalPage;

/// <summary>The agent at one moment, as the local page shows it (served as JSON by <c>/api/status</c>).</summary>
/// <param name="DeviceId">Which device this is.</param>
/// <param name="AgentVersion">The agent's version.</param>
/// <param name="StartedAt">When the agent started.</param>
/// <param name="Model">The model in use; null while none is loaded.</param>
/// <param name="Source">The sensor source; null while none is open.</param>
/// <param name="Quality">Sample quality per channel.</param>
/// <param name="Windows">How the feature windows fared.</param>
/// <param name="Outputs">Alert outputs (lamps, relays).</param>
/// <param name="Parts">Health of the agent's parts (store, source, model, outputs...).</param>
public sealed record AgentStatusSnapshot(
    string DeviceId,
    string AgentVersion,
    DateTimeOffset StartedAt,
    ModelStatus? Model,
    SourceStatus? Source,
    IReadOnlyList<ChannelQuality> Quality,
    WindowCounts Windows,
    IReadOnlyList<OutputStatus> Outputs,
    IReadOnlyList<PartHealth> Parts);
