namespace EdgeAgent.Packaging;

/// <summary>
/// <c>profile.json</c>: the distribution of each model input value (and each output) on the training
/// data, the reference that drift detection compares live windows against.
/// </summary>
public sealed record ReferenceProfile
{
    /// <summary>The quantile levels every <see cref="ValueProfile.Quantiles"/> list follows.</summary>
    public static readonly IReadOnlyList<double> QuantileLevels = [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1];

    public required IReadOnlyList<ValueProfile> Features { get; init; }

    public IReadOnlyList<ValueProfile> Outputs { get; init; } = [];
}

/// <summary>The training distribution of one value.</summary>
/// <param name="Name">The value's name (<c>channel.feature</c> or output name).</param>
/// <param name="Count">Training windows seen.</param>
/// <param name="Mean">Mean.</param>
/// <param name="Std">Standard deviation.</param>
/// <param name="Quantiles">At <see cref="ReferenceProfile.QuantileLevels"/>.</param>
/// <param name="BinEdges">Histogram bin edges (bins + 1 values, ascending).</param>
/// <param name="BinCounts">Training windows per bin.</param>
public sealed record ValueProfile(string Name, long Count, double Mean, double Std, IReadOnlyList<double> Quantiles, IReadOnlyList<double> BinEdges, IReadOnlyList<long> BinCounts)
{
    /// <summary>Profiles values: mean, spread, quantiles and a histogram of <paramref name="bins"/> equal-width bins.</summary>
    public static ValueProfile Of(string name, IReadOnlyList<double> values, int bins = 20)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        double[] sorted = [.. values.Order()];
        double mean = sorted.Average();
        double std = Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / sorted.Length);
        double[] quantiles = [.. ReferenceProfile.QuantileLevels.Select(q => Quantile(sorted, q))];
        double lo = sorted[0], hi = sorted[^1];
        if (hi <= lo)
        {
            hi = lo + 1e-9;
        }

        double[] edges = [.. Enumerable.Range(0, bins + 1).Select(i => lo + ((hi - lo) * i / bins))];
        var counts = new long[bins];
        foreach (double v in sorted)
        {
            counts[Math.Clamp((int)((v - lo) / (hi - lo) * bins), 0, bins - 1)]++;
        }

        return new ValueProfile(name, sorted.Length, mean, std, quantiles, edges, counts);
    }

    /// <summary>Linear-interpolation quantile of sorted values.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        double position = q * (sorted.Count - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }
}
