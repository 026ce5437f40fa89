using EdgeAgent.Drift.Monitoring;
using EdgeAgent.Drift.Statistics;
using EdgeAgent.Packaging;

namespace EdgeAgent.Drift.Calibration;

/// <summary>
/// A package's reference profile made ready for drift detection: each feature's kind and thresholds and each output's
/// Page-Hinkley limits, calibrated once for the options (a fraction of a second for a few dozen features) and then
/// shared by any number of <see cref="DriftMonitor"/>s. Thresholds the options leave unset are calibrated for
/// <see cref="DriftOptions.TargetRunLength"/>: see <see cref="FalseAlarmBudget"/>, <see cref="PsiCalibration"/>, <see cref="DistanceCalibration"/> and
/// <see cref="CusumCalibration"/>.
/// </summary>
public sealed partial class DriftReference
{
    /// <summary>Expected live values per merged PSI bin.</summary>
    internal const double MinExpectedPerBin = 5;

    /// <summary>A constant feature drifts when more than this share of the batch is away from its value.</summary>
    internal const double ConstantShareLimit = 0.5;

    private DriftReference(DriftOptions options, IReadOnlyList<FeatureReference> features, IReadOnlyList<OutputReference> outputs, double featureTestAlpha, double outputTestRunLength)
    {
        WindowCount = options.WindowCount;
        EvaluateEvery = options.EvaluateEvery;
        MinimumWindows = options.MinimumWindows;
        TargetRunLength = options.TargetRunLength;
        LogRepeatInterval = options.LogRepeatInterval;
        Features = features;
        Outputs = outputs;
        FeatureTestAlpha = featureTestAlpha;
        OutputTestRunLength = outputTestRunLength;
    }

    /// <summary>The features, in model-input order.</summary>
    public IReadOnlyList<FeatureReference> Features { get; }

    /// <summary>The outputs, in profile order (the order <see cref="DriftMonitor.Observe(ReadOnlySpan{float}, ReadOnlySpan{float})"/> takes them).</summary>
    public IReadOnlyList<OutputReference> Outputs { get; }

    public int WindowCount { get; }

    public int EvaluateEvery { get; }

    public int MinimumWindows { get; }

    public int TargetRunLength { get; }

    public TimeSpan LogRepeatInterval { get; }

    /// <summary>The false-alarm probability each calibrated feature test was set to at one judgement.</summary>
    public double FeatureTestAlpha { get; }

    /// <summary>The in-control run length each calibrated one-sided output test was set to.</summary>
    public double OutputTestRunLength { get; }

    /// <summary>The reference of a package: its profile, with the features in the manifest's input order.</summary>
    /// <exception cref="DriftProfileException">The profile does not match the package's inputs, or is malformed.</exception>
    public static DriftReference Create(ModelPackage package, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(package);
        return Create(package.Profile, [.. package.Manifest.Features.ValueNames], options);
    }

    /// <summary>
    /// Checks the profile against <paramref name="featureNames"/> (the model's inputs, in order) and calibrates.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names each bad setting.</exception>
    /// <exception cref="DriftProfileException">The profile's features are not <paramref name="featureNames"/> in that order, or a value's profile is malformed.</exception>
    public static DriftReference Create(ReferenceProfile profile, IReadOnlyList<string> featureNames, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        DriftOptionsValidator.Collect(options, errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        CheckNames(profile, featureNames);
        foreach (ValueProfile value in profile.Features.Concat(profile.Outputs))
        {
            CheckValue(value);
        }

        int n = options.WindowCount;
        FeatureReference[] features = [.. profile.Features.Select(f => Describe(f, n))];
        int featureTests = features.Count(f => f.Kind == FeatureKind.Continuous) * 2;
        int outputTests = profile.Outputs.Count(IsMonitored) * 2;
        var budget = FalseAlarmBudget.Split(options.TargetRunLength, options.EvaluateEvery, featureTests, outputTests);

        for (int i = 0; i < features.Length; i++)
        {
            FeatureReference f = features[i];
            if (f.Kind == FeatureKind.Constant)
            {
                f.DistanceThreshold = ConstantShareLimit;
                continue;
            }

            f.PsiThreshold = options.PsiThreshold
                ?? PsiCalibration.Threshold(f.Bins, n, f.Count, budget.FeatureTestAlpha);
            f.DistanceThreshold = options.DistanceThreshold
                ?? DistanceCalibration.Threshold(PiecewiseLinearDistribution.Of(profile.Features[i]), f.Quantiles, f.Std, n, f.Count, budget.FeatureTestAlpha, DistanceCalibration.Seed + i);
        }

        OutputReference[] outputs = [.. profile.Outputs.Select(o => Output(o, options, budget.OutputTestRunLength))];
        return new DriftReference(options, features, outputs, budget.FeatureTestAlpha, budget.OutputTestRunLength);
    }

    private static FeatureReference Describe(ValueProfile v, int n)
    {
        int last = QuantileDistance.Last;
        bool constant = v.Std <= 0 || v.Quantiles[last] <= v.Quantiles[QuantileDistance.First];
        var bins = MergedBins.Of(v, Math.Min(1, MinExpectedPerBin / n));
        return new FeatureReference(v.Name, constant ? FeatureKind.Constant : FeatureKind.Continuous, Math.Max(v.Count, 1), v.Mean, v.Std, v.Quantiles, bins);
    }
}
