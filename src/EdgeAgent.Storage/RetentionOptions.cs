namespace EdgeAgent.Storage;

/// <summary>The retention policy that keeps the store under its size cap, by priority.</summary>
/// <remarks>
/// Order: sent outbox rows, then old predictions are thinned, then the oldest predictions are dropped,
/// then the oldest cleared alerts. Open alerts, unsent outbox rows, quality counters and model state are never dropped.
/// </remarks>
public sealed class RetentionOptions
{
    /// <summary>Predictions older than this are thinned first. Default 1 day. Range 0 to 3650 days.</summary>
    public TimeSpan ThinPredictionsOlderThan { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Thinning keeps every Nth of the old predictions. Default 10. Range 2 to 1,000,000.</summary>
    public int ThinKeepEvery { get; set; } = 10;

    /// <summary>
    /// Retention stops once the store is at or under this fraction of the cap, so it does not run again at the
    /// next write. Default 0.8. Range 0.1 to 1.
    /// </summary>
    public double TargetFraction { get; set; } = 0.8;

    /// <summary>Rows deleted per step while dropping, before the size is measured again. Default 500. Range 1 to 1,000,000.</summary>
    public int DeleteChunkRows { get; set; } = 500;
}
