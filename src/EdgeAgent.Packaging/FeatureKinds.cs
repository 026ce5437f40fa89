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
        ["ewma"] = "exponentially weighted mean, written ewma:ALPHA (0 < ALPHA <= 1), started at the window's first sample",
        ["recent_mean"] = "mean of the window's last K samples, written recent_mean:K",
        ["band_energy"] = "spectral energy in LO <= f < HI Hz, written band_energy:LO-HI (needs the channel's sample rate); the window is zero-padded to a power of two, bands covering 0 to fs/2 add up to rms squared",
    };

    /// <summary>Kinds that need a parameter after a colon.</summary>
    public static readonly IReadOnlySet<string> Parameterized = new HashSet<string>(StringComparer.Ordinal) { "ewma", "recent_mean", "band_energy" };

    /// <summary>True when <paramref name="feature"/> is a known kind with a valid parameter for a window of <paramref name="window"/>.</summary>
    public static bool IsValid(string feature, int window)
    {
        string[] parts = feature.Split(':');
        if (!All.ContainsKey(parts[0]) || parts.Length > 2 || (parts.Length == 2) != Parameterized.Contains(parts[0]))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            return parts[0] != "slope" || window >= 2;
        }

        if (parts[0] == "band_energy")
        {
            string[] band = parts[1].Split('-');
            return band.Length == 2
                && double.TryParse(band[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double lo)
                && double.TryParse(band[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double hi)
                && lo >= 0 && hi > lo && window >= 2;
        }

        if (!double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double p))
        {
            return false;
        }

        return parts[0] == "ewma" ? p is > 0 and <= 1 : p >= 1 && p <= window && p == Math.Floor(p);
    }

    /// <summary>The operations of derived features.</summary>
    public static readonly IReadOnlySet<string> DerivedOperations = new HashSet<string>(StringComparer.Ordinal) { "product", "difference" };
}
