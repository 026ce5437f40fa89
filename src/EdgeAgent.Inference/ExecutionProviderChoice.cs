namespace EdgeAgent.Inference;

/// <summary>What became of one preferred execution provider.</summary>
/// <param name="Requested">The name as configured.</param>
/// <param name="Provider">ONNX Runtime's name for it.</param>
/// <param name="Enabled">True when the session uses it.</param>
/// <param name="Reason">Why it was skipped; null when enabled.</param>
public sealed record ExecutionProviderChoice(string Requested, string Provider, bool Enabled, string? Reason);
