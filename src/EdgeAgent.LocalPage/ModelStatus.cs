namespace EdgeAgent.LocalPage;

/// <summary>The model the agent runs.</summary>
/// <param name="Name">Package name, e.g. <c>ai4i-anomaly</c>.</param>
/// <param name="Version">Package version, e.g. <c>1.0.0</c>.</param>
/// <param name="Task">What it predicts: <c>anomaly</c> (higher is worse) or <c>rul</c> (remaining useful life, lower is worse).</param>
/// <param name="ScoreOutput">The output whose value is the stored score (the trend's values).</param>
/// <param name="WarningThreshold">The score at which the agent warns, drawn on the trend; null when the model has none.</param>
public sealed record ModelStatus(string Name, string Version, string Task, string ScoreOutput, double? WarningThreshold);
