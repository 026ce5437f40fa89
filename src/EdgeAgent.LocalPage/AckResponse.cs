using EdgeAgent.Storage;

namespace EdgeAgent.LocalPage;

/// <summary>The body of <c>POST /api/alerts/{id}/ack</c> once the token is accepted (200, 404, 409).</summary>
/// <param name="Outcome">What came of it.</param>
/// <param name="Message">The outcome in words, for the page.</param>
/// <param name="Alert">The alert as stored now; null when the store does not have it.</param>
internal sealed record AckResponse(AckOutcome Outcome, string Message, Alert? Alert);
