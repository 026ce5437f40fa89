namespace EdgeAgent.Drift.Monitoring;

/// <summary>How live windows are judged against the package's reference profile. Bound from the <c>Drift</c> configuration section.</summary>
public sealed class DriftOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Drift";

    /// <summary>Live windows in each judged batch (the most recent ones). Default 200. Range 10 to 100,000.</summary>
    public int WindowCount { get; set; } = 200;

    /// <summary>Windows between verdicts; features are judged over the latest <see cref="WindowCount"/> windows at each. Default 50. Range 1 to <see cref="WindowCount"/>.</summary>
    public int EvaluateEvery { get; set; } = 50;

    /// <summary>Windows seen before anything is judged; verdicts until then say InsufficientData. Default 200. Range <see cref="WindowCount"/> to 100,000,000.</summary>
    public int MinimumWindows { get; set; } = 200;

    /// <summary>
    /// The mean number of windows between false alarms that the calibrated thresholds aim for on a stream that matches
    /// the profile (a false-alarm rate of 1 / TargetRunLength per window); the thresholds are set so that the run
    /// length is at least this. Default 100,000 (about a day of one-second windows). Range 10 × <see cref="EvaluateEvery"/>
    /// to 1,000,000,000.
    /// </summary>
    public int TargetRunLength { get; set; } = 100_000;

    /// <summary>
    /// A fixed PSI threshold for every feature, such as the 0.25 rule of thumb, instead of one calibrated per feature
    /// for <see cref="TargetRunLength"/> (which then no longer holds). Default none (calibrated). When set, above 0.
    /// </summary>
    public double? PsiThreshold { get; set; }

    /// <summary>
    /// A fixed quantile-distance threshold (in reference standard deviations) for every feature instead of calibrated
    /// ones. Default none (calibrated). When set, above 0.
    /// </summary>
    public double? DistanceThreshold { get; set; }

    /// <summary>
    /// The Page-Hinkley drift allowance δ on each standardized output, in reference standard deviations: changes
    /// smaller than δ are tolerated, and the test is quickest for a change of about 2δ. Default 0.5. Range 0 to 5.
    /// </summary>
    public double PageHinkleyDelta { get; set; } = 0.5;

    /// <summary>
    /// A fixed Page-Hinkley limit λ (reference standard deviations) for both directions of every output, instead of
    /// one calibrated for <see cref="TargetRunLength"/>. Default none (calibrated). When set, above 0.
    /// </summary>
    public double? PageHinkleyLambda { get; set; }

    /// <summary>How often a drift that persists, or non-finite values that keep arriving, are logged again. Default 1 hour. Range 1 s to 7 days.</summary>
    public TimeSpan LogRepeatInterval { get; set; } = TimeSpan.FromHours(1);
}
