namespace EdgeAgent.LocalPage;

/// <summary>The health of one part of the agent.</summary>
/// <param name="Name">The part, e.g. <c>store</c>, <c>source</c>, <c>model</c>.</param>
/// <param name="Healthy">Whether it works.</param>
/// <param name="Detail">What is wrong, or a short note.</param>
public sealed record PartHealth(string Name, bool Healthy, string? Detail);
