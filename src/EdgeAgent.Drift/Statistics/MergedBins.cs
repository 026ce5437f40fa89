using EdgeAgent.Packaging;

namespace EdgeAgent.Drift.Statistics;

/// <summary>
/// The profile's histogram bins with sparse neighbours merged, left to right, until each merged bin holds at least
/// a minimum share of the reference (5 expected live values per batch by default). Equal-width bins over the training
/// range leave the tails nearly empty; a bin a live batch expects to see once or not at all makes PSI swing on
/// single values, and merging keeps its null distribution close to a scaled chi-square.
/// </summary>
internal sealed class MergedBins
{
    private readonly double[] _innerEdges;
    private readonly int[] _groupOf;
    private readonly double[] _probability;

    private MergedBins(double[] innerEdges, int[] groupOf, double[] probability)
    {
        _innerEdges = innerEdges;
        _groupOf = groupOf;
        _probability = probability;
    }

    /// <summary>Merged bins.</summary>
    public int Count => _probability.Length;

    /// <summary>The reference share of each merged bin (each at least the minimum, summing to 1).</summary>
    public ReadOnlySpan<double> Probability => _probability;

    /// <summary>Merges <paramref name="profile"/>'s bins until each holds at least <paramref name="minProbability"/> of the reference.</summary>
    public static MergedBins Of(ValueProfile profile, double minProbability)
    {
        int bins = profile.BinCounts.Count;
        double total = profile.BinCounts.Sum(c => (double)c);
        var groupOf = new int[bins];
        var shares = new List<double>();
        double open = 0;
        int group = 0;
        for (int i = 0; i < bins; i++)
        {
            groupOf[i] = group;
            open += total > 0 ? profile.BinCounts[i] / total : 0;
            if (open >= minProbability && i < bins - 1)
            {
                shares.Add(open);
                open = 0;
                group++;
            }
        }

        if (shares.Count > 0 && open < minProbability)
        {
            // The short remainder joins the last full bin.
            shares[^1] += open;
            for (int i = bins - 1; i >= 0 && groupOf[i] == group; i--)
            {
                groupOf[i] = group - 1;
            }
        }
        else
        {
            shares.Add(open);
        }

        double[] inner = [.. profile.BinEdges.Skip(1).Take(bins - 1)];
        return new MergedBins(inner, groupOf, [.. shares]);
    }

    /// <summary>The merged bin of <paramref name="value"/>; values outside the training range fall in the outer bins.</summary>
    public int IndexOf(double value)
    {
        // Number of inner edges at or below the value: the original bin, as ValueProfile.Of counts it.
        int lo = 0, hi = _innerEdges.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (_innerEdges[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return _groupOf[lo];
    }

    /// <summary>
    /// PSI = Σ (p - q) ln(p / q) of live counts against the reference shares. An empty live bin counts as half a value
    /// (the epsilon floor), so one missing bin adds a bounded amount rather than infinity.
    /// </summary>
    public double Psi(ReadOnlySpan<int> counts, int n)
    {
        double psi = 0;
        for (int i = 0; i < _probability.Length; i++)
        {
            double p = Math.Max(counts[i], 0.5) / n;
            double q = _probability[i];
            psi += (p - q) * Math.Log(p / q);
        }

        return psi;
    }
}
