using EdgeAgent.Drift.Calibration;

namespace EdgeAgent.Drift.Monitoring;

/// <summary>One feature's scores at a verdict.</summary>
/// <param name="Name">The feature's name.</param>
/// <param name="Kind">How it is judged.</param>
/// <param name="Judged">False until its batch holds <see cref="DriftOptions.WindowCount"/> finite values (and before <see cref="DriftOptions.MinimumWindows"/>).</param>
/// <param name="Psi">PSI of the batch on the profile's (merged) bins; 0 for a constant feature.</param>
/// <param name="PsiThreshold">The PSI above which it drifts (+∞: not judged by PSI).</param>
/// <param name="Distance">The quantile distance in reference standard deviations; for a constant feature, the share of values away from the constant.</param>
/// <param name="DistanceThreshold">The distance above which it drifts.</param>
/// <param name="NonFiniteValues">NaN or infinite values of this feature skipped since the monitor started.</param>
public sealed record FeatureDrift(string Name, FeatureKind Kind, bool Judged, double Psi, double PsiThreshold, double Distance, double DistanceThreshold, long NonFiniteValues)
{
    /// <summary>The larger of score / threshold over both statistics: above 1 means drift. 0 when not judged.</summary>
    public double Score => Judged ? Math.Max(Psi / PsiThreshold, Distance / DistanceThreshold) : 0;

    /// <summary>Whether the feature drifted.</summary>
    public bool Drifted => Score > 1;
}
