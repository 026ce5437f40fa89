namespace EdgeAgent.LocalPage;

/// <summary>The sensor source the agent reads.</summary>
/// <param name="Name">Its name, e.g. <c>simulator</c> or <c>ads1115@i2c-1</c>.</param>
/// <param name="State">What it is doing, in words, e.g. <c>reading</c>, <c>reconnecting</c>, <c>ended</c>.</param>
/// <param name="Rows">Rows read since the agent started.</param>
/// <param name="LastError">The last failure, if any.</param>
public sealed record SourceStatus(string Name, string State, long Rows, string? LastError);
