namespace EdgeAgent.FleetWatch.Model;

/// <summary>A device's latest drift report as the fleet view keeps it.</summary>
/// <param name="Verdict">The verdict the body gave (<c>verdict</c> or <c>state</c>), or null when it named none.</param>
/// <param name="DriftedFeatures">The features the body named as drifted, in its order; empty when it named none.</param>
/// <param name="At">When the device made the report (<c>at</c>).</param>
internal sealed record DriftReading(string? Verdict, IReadOnlyList<string> DriftedFeatures, DateTimeOffset? At);
