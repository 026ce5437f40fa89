namespace EdgeAgent.LocalPage;

/// <summary>How the feature windows fared since the agent started.</summary>
/// <param name="Clean">Windows with no quality fault.</param>
/// <param name="Flagged">Windows scored with a quality flag.</param>
/// <param name="Repaired">Windows scored after repairing faulty samples.</param>
/// <param name="Skipped">Windows not scored.</param>
/// <param name="LastSkipReason">Why the last skipped window was skipped, if any was.</param>
public sealed record WindowCounts(long Clean, long Flagged, long Repaired, long Skipped, string? LastSkipReason);
