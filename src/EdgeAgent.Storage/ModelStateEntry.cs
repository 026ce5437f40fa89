namespace EdgeAgent.Storage;

/// <summary>One key of the model state (installed version, rollout step...), with a version for compare-and-set.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value, as the owner wrote it (often JSON).</param>
/// <param name="Version">1 on first write, one more on each change.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record ModelStateEntry(string Key, string Value, long Version, DateTimeOffset UpdatedAt);
