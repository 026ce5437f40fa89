using EdgeAgent.Storage;

namespace EdgeAgent.LocalPage;

/// <summary>The body of <c>GET /api/trend</c>.</summary>
/// <param name="Hours">The hours asked for.</param>
/// <param name="From">Start of the first bucket.</param>
/// <param name="To">End of the last bucket (just after now).</param>
/// <param name="BucketSeconds">Width of every bucket.</param>
/// <param name="Buckets">The buckets that hold predictions, oldest first.</param>
internal sealed record TrendResponse(double Hours, DateTimeOffset From, DateTimeOffset To, double BucketSeconds, IReadOnlyList<TrendBucket> Buckets);
