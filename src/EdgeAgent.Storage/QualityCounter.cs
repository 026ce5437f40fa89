namespace EdgeAgent.Storage;

/// <summary>A running count of one kind of data quality event on one channel.</summary>
/// <param name="Channel">The sensor channel.</param>
/// <param name="Kind">The kind of event (gap, clip, out of range...).</param>
/// <param name="Count">How many have been seen in all.</param>
/// <param name="UpdatedAt">When the count last changed.</param>
public sealed record QualityCounter(string Channel, string Kind, long Count, DateTimeOffset UpdatedAt);
