namespace EdgeAgent.Fleet.Outbox;

/// <summary>What the device says about itself on its retained status topic.</summary>
/// <param name="AgentVersion">The agent's version.</param>
/// <param name="ModelName">The serving model, if any.</param>
/// <param name="ModelVersion">Its version.</param>
/// <param name="ModelState">Its rollout state (active, shadow, probation...).</param>
/// <param name="Health">healthy, degraded, failing... as the agent judges.</param>
public sealed record DeviceStatus(string AgentVersion, string? ModelName, string? ModelVersion, string? ModelState, string Health)
{
    /// <summary>Anything else worth showing on a fleet dashboard, name to value.</summary>
    public IReadOnlyDictionary<string, string>? Details { get; init; }
}
