using EdgeAgent.Packaging;

namespace EdgeAgent.Drift.Statistics;

/// <summary>
/// A distribution whose CDF is piecewise linear through knots (value, cumulative probability), from the training
/// minimum (0) to the maximum (1); equal values at two knots make an atom. <see cref="Of"/> builds it from a profile.
/// </summary>
internal sealed class PiecewiseLinearDistribution
{
    private readonly double[] _x;
    private readonly double[] _p;

    /// <param name="values">Knot values, ascending (made non-decreasing if rounding broke that).</param>
    /// <param name="levels">Cumulative probabilities, ascending from 0 to 1.</param>
    public PiecewiseLinearDistribution(IReadOnlyList<double> values, IReadOnlyList<double> levels)
    {
        if (values.Count != levels.Count || values.Count < 2)
        {
            throw new ArgumentException("A piecewise-linear distribution needs at least two knots, one level per value.", nameof(values));
        }

        _x = new double[values.Count];
        _p = [.. levels];
        for (int i = 0; i < _x.Length; i++)
        {
            _x[i] = i == 0 ? values[0] : Math.Max(values[i], _x[i - 1]);
        }
    }

    private PiecewiseLinearDistribution(double[] x, double[] p)
    {
        _x = x;
        _p = p;
    }

    /// <summary>The knot values.</summary>
    public ReadOnlySpan<double> Values => _x;

    /// <summary>The mean of the distribution (each segment is uniform).</summary>
    public double Mean
    {
        get
        {
            double sum = 0;
            for (int i = 1; i < _x.Length; i++)
            {
                sum += (_p[i] - _p[i - 1]) * (_x[i] + _x[i - 1]) / 2;
            }

            return sum;
        }
    }

    /// <summary>P(X ≤ x).</summary>
    public double Cdf(double x)
    {
        if (x < _x[0])
        {
            return 0;
        }

        if (x >= _x[^1])
        {
            return 1;
        }

        // The last knot at or below x, so that an atom's whole mass counts at its value.
        int lo = 0, hi = _x.Length - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (_x[mid] <= x)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        double width = _x[lo + 1] - _x[lo];
        return width > 0 ? _p[lo] + ((_p[lo + 1] - _p[lo]) * (x - _x[lo]) / width) : _p[lo + 1];
    }

    /// <summary>The value at cumulative probability <paramref name="u"/> (0 to 1).</summary>
    public double Quantile(double u)
    {
        if (u <= _p[0])
        {
            return _x[0];
        }

        if (u >= _p[^1])
        {
            return _x[^1];
        }

        // The first knot at or above u.
        int lo = 0, hi = _p.Length - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (_p[mid] < u)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        double span = _p[hi] - _p[lo];
        return span > 0 ? _x[lo] + ((_x[hi] - _x[lo]) * (u - _p[lo]) / span) : _x[hi];
    }

    /// <summary>
    /// The distribution a value profile describes, as finely as it allows: knots at the quantiles (value, level) and
    /// at the histogram's bin edges (edge, share of training windows below it), merged in order of value. The
    /// quantiles resolve the body; the bins resolve what eleven quantiles cannot, such as a gap between two modes or
    /// the decay of a long tail between the 0.99 quantile and the maximum.
    /// </summary>
    public static PiecewiseLinearDistribution Of(ValueProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var knots = new List<(double X, double P)>();
        for (int i = 0; i < profile.Quantiles.Count; i++)
        {
            knots.Add((profile.Quantiles[i], ReferenceProfile.QuantileLevels[i]));
        }

        double total = profile.BinCounts.Sum(c => (double)c), below = 0;
        for (int i = 1; i < profile.BinEdges.Count - 1; i++)
        {
            below += profile.BinCounts[i - 1];
            double edge = profile.BinEdges[i];
            if (edge > profile.Quantiles[0] && edge < profile.Quantiles[^1])
            {
                knots.Add((edge, below / total));
            }
        }

        knots.Sort((a, b) => a.X != b.X ? a.X.CompareTo(b.X) : a.P.CompareTo(b.P));
        var x = new double[knots.Count];
        var p = new double[knots.Count];
        for (int i = 0; i < knots.Count; i++)
        {
            // The two descriptions agree to within a training window or so; keep the CDF from going down.
            x[i] = knots[i].X;
            p[i] = i == 0 ? knots[i].P : Math.Max(knots[i].P, p[i - 1]);
        }

        p[0] = 0;
        p[^1] = 1;
        return new PiecewiseLinearDistribution(x, p);
    }

    /// <summary>The mean of min(max(X, <paramref name="low"/>), <paramref name="high"/>).</summary>
    public double ClippedMean(double low, double high)
    {
        double sum = 0;
        for (int i = 1; i < _x.Length; i++)
        {
            double a = _x[i - 1], b = _x[i], mass = _p[i] - _p[i - 1];
            if (mass <= 0)
            {
                continue;
            }

            if (b <= a || b <= low || a >= high)
            {
                // An atom, or a piece wholly beyond one bound.
                sum += mass * Math.Clamp(0.5 * (a + b), low, high);
                continue;
            }

            double width = b - a;
            double below = Math.Max(0, Math.Min(b, low) - a) / width;
            double above = Math.Max(0, b - Math.Max(a, high)) / width;
            double lo = Math.Max(a, low), hi = Math.Min(b, high);
            double inside = Math.Max(0, hi - lo) / width;
            sum += mass * ((below * low) + (above * high) + (inside * 0.5 * (lo + hi)));
        }

        return sum;
    }

    /// <summary>The standardized distribution of (X - <paramref name="mean"/>) / <paramref name="std"/>.</summary>
    public PiecewiseLinearDistribution Standardized(double mean, double std) =>
        new([.. _x.Select(x => (x - mean) / std)], _p);
}
