namespace EdgeAgent.Packaging;

/// <summary>The per-channel window features a package may ask for; a device that cannot compute one refuses the package.</summary>
public static class FeatureKinds
{
    /// <summary>Every known kind with its definition.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["value"] = "the latest sample (windows of one)",
        ["last"] = "the window's last sample",
        ["mean"] = "arithmetic mean",
        ["std"] = "population standard deviation",
        ["min"] = "minimum",
        ["max"] = "maximum",
        ["rms"] = "root mean square",
        ["peak"] = "largest absolute value",
        ["peak_to_peak"] = "maximum minus minimum",
        ["crest"] = "peak / rms (0 when rms is 0)",
        ["kurtosis"] = "fourth standardised moment (3 for a normal distribution; 0 when constant)",
        ["skewness"] = "third standardised moment (0 when constant)",
        ["slope"] = "least-squares slope per step over the window",
    };

    /// <summary>The operations of derived features.</summary>
    public static readonly IReadOnlySet<string> DerivedOperations = new HashSet<string>(StringComparer.Ordinal) { "product", "difference" };
}
