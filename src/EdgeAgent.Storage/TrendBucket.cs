namespace EdgeAgent.Storage;

/// <summary>The prediction scores that fell in one time bucket of a trend.</summary>
/// <param name="Start">When the bucket begins; it runs for the trend's bucket width.</param>
/// <param name="Count">How many predictions fell in it (at least one: empty buckets are not returned).</param>
/// <param name="Mean">The mean score.</param>
/// <param name="Min">The lowest score.</param>
/// <param name="Max">The highest score.</param>
public sealed record TrendBucket(DateTimeOffset Start, long Count, double Mean, double Min, double Max);
