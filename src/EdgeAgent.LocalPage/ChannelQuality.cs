namespace EdgeAgent.LocalPage;

/// <summary>Sample quality on one sensor channel since the agent started.</summary>
/// <param name="Channel">The channel's name.</param>
/// <param name="Samples">Samples seen.</param>
/// <param name="FaultySamples">Samples with at least one fault.</param>
/// <param name="Faults">Samples per fault kind (<c>gap</c>, <c>clip</c>, <c>stuck</c>...); a sample may count under several.</param>
public sealed record ChannelQuality(string Channel, long Samples, long FaultySamples, IReadOnlyDictionary<string, long> Faults);
