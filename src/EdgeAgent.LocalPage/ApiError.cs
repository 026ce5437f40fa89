namespace EdgeAgent.LocalPage;

/// <summary>The body of a refused request (400, 401, 500, 503).</summary>
/// <param name="Error">What was wrong, in words, for the page.</param>
internal sealed record ApiError(string Error);
