using EdgeAgent.Storage;

namespace EdgeAgent.LocalPage;

/// <summary>The body of <c>GET /api/alerts</c>.</summary>
/// <param name="Open">Raised and acknowledged alerts, oldest first.</param>
/// <param name="RecentlyCleared">The latest cleared alerts, newest first.</param>
internal sealed record AlertsResponse(IReadOnlyList<Alert> Open, IReadOnlyList<Alert> RecentlyCleared);
