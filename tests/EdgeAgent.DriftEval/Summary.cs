namespace EdgeAgent.DriftEval;

/// <summary>Order statistics for the report.</summary>
internal static class Summary
{
    /// <summary>Linear-interpolation quantile.</summary>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        double[] sorted = [.. values.Order()];
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }

    /// <summary>"median m (quartiles a to b)".</summary>
    public static string Quartiles(IReadOnlyList<double> values, string format) =>
        values.Count == 0
            ? "none"
            : $"median {Quantile(values, 0.5).ToString(format)} (quartiles {Quantile(values, 0.25).ToString(format)} to {Quantile(values, 0.75).ToString(format)})";
}
