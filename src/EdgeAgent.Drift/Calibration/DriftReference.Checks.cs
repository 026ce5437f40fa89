using EdgeAgent.Packaging;
using static EdgeAgent.Drift.OptionsText;

namespace EdgeAgent.Drift.Calibration;

/// <summary>The checks a profile must pass before it is calibrated.</summary>
public sealed partial class DriftReference
{
    private static void CheckNames(ReferenceProfile profile, IReadOnlyList<string> featureNames)
    {
        string[] actual = [.. profile.Features.Select(f => f.Name)];
        if (actual.SequenceEqual(featureNames, StringComparer.Ordinal))
        {
            return;
        }

        int at = 0;
        while (at < actual.Length && at < featureNames.Count && string.Equals(actual[at], featureNames[at], StringComparison.Ordinal))
        {
            at++;
        }

        string first = at < actual.Length && at < featureNames.Count
            ? Invariant($"input {at} is '{featureNames[at]}' but the profile has '{actual[at]}' there")
            : Invariant($"the package has {featureNames.Count} inputs and the profile {actual.Length} features");
        throw new DriftProfileException(
            $"The reference profile does not match the model's inputs: {first}. Inputs: {string.Join(", ", featureNames)}. Profile: {string.Join(", ", actual)}.");
    }

    private static void CheckValue(ValueProfile v)
    {
        string? problem = null;
        if (v.Quantiles is null || v.Quantiles.Count != ReferenceProfile.QuantileLevels.Count)
        {
            problem = Invariant($"has {v.Quantiles?.Count ?? 0} quantiles, not {ReferenceProfile.QuantileLevels.Count}");
        }
        else if (v.BinCounts is null || v.BinEdges is null || v.BinCounts.Count < 1 || v.BinEdges.Count != v.BinCounts.Count + 1)
        {
            problem = Invariant($"has {v.BinEdges?.Count ?? 0} bin edges for {v.BinCounts?.Count ?? 0} bins");
        }
        else if (v.BinCounts.Any(c => c < 0) || v.BinCounts.Sum() <= 0)
        {
            problem = "has no training windows in its bins";
        }
        else if (!double.IsFinite(v.Mean) || !double.IsFinite(v.Std) || v.Std < 0 || v.Quantiles.Any(q => !double.IsFinite(q)) || v.BinEdges.Any(e => !double.IsFinite(e)))
        {
            problem = "has a non-finite or negative figure";
        }

        if (problem is not null)
        {
            throw new DriftProfileException($"The reference profile of '{v.Name}' {problem}; it cannot be used for drift detection.");
        }
    }
}
