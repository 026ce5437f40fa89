using EdgeAgent.Drift.Statistics;

namespace EdgeAgent.Drift.Calibration;

/// <summary>One feature's reference, as the monitor judges it: the profile's figures and the thresholds derived from them.</summary>
public sealed class FeatureReference
{
    internal FeatureReference(string name, FeatureKind kind, long count, double mean, double std, IReadOnlyList<double> quantiles, MergedBins bins)
    {
        Name = name;
        Kind = kind;
        Count = count;
        Mean = mean;
        Std = std;
        Quantiles = quantiles;
        Bins = bins;
        ConstantValue = quantiles[quantiles.Count / 2];
        ConstantTolerance = 1e-5 * Math.Max(1, Math.Abs(ConstantValue));
    }

    /// <summary>The feature's name, <c>channel.feature</c>.</summary>
    public string Name { get; }

    public FeatureKind Kind { get; }

    /// <summary>Training windows behind the profile.</summary>
    public long Count { get; }

    public double Mean { get; }

    public double Std { get; }

    /// <summary>The PSI above which the feature drifts (+∞: not judged by PSI).</summary>
    public double PsiThreshold { get; internal set; } = double.PositiveInfinity;

    /// <summary>
    /// The quantile distance (reference standard deviations) above which the feature drifts; for a
    /// <see cref="FeatureKind.Constant"/> feature, the share of live values away from the constant (0.5).
    /// </summary>
    public double DistanceThreshold { get; internal set; } = double.PositiveInfinity;

    /// <summary>The bins PSI is computed on, after merging sparse ones.</summary>
    public int PsiBins => Bins.Count;

    internal IReadOnlyList<double> Quantiles { get; }

    internal MergedBins Bins { get; }

    /// <summary>The reference value of a constant feature (the median).</summary>
    internal double ConstantValue { get; }

    /// <summary>How far a live value may be from <see cref="ConstantValue"/> and still count as it (float rounding).</summary>
    internal double ConstantTolerance { get; }
}
