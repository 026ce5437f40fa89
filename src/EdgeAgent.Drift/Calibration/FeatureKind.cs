namespace EdgeAgent.Drift.Calibration;

/// <summary>How a feature is judged.</summary>
public enum FeatureKind
{
    /// <summary>By PSI on the profile's bins and by the quantile distance.</summary>
    Continuous,

    /// <summary>
    /// Constant in the reference (zero standard deviation, or the same value from level 0.01 to 0.99): the bins and
    /// the distance would divide by nothing, so it is judged by the share of live values away from that value instead,
    /// and drifts when more than half of the batch is.
    /// </summary>
    Constant,
}
