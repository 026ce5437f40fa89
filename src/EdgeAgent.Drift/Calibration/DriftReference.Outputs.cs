using EdgeAgent.Drift.Monitoring;
using EdgeAgent.Drift.Statistics;
using EdgeAgent.Packaging;

namespace EdgeAgent.Drift.Calibration;

/// <summary>The Page-Hinkley reference of each output.</summary>
public sealed partial class DriftReference
{
    private static bool IsMonitored(ValueProfile output) => output.Std > 0 && output.Quantiles[^1] > output.Quantiles[0];

    private static OutputReference Output(ValueProfile o, DriftOptions options, double runLength)
    {
        double delta = options.PageHinkleyDelta;
        if (!IsMonitored(o))
        {
            return new OutputReference(o.Name, false, o.Mean, o.Std, 0, 0, 0, delta, double.PositiveInfinity, double.PositiveInfinity);
        }

        // Standardized, clipped at the 1% and 99% quantiles: the profile describes the body well, and the tail past
        // the training maximum not at all, so the clipped statistic's run length can be computed honestly.
        PiecewiseLinearDistribution z = PiecewiseLinearDistribution.Of(o).Standardized(o.Mean, o.Std);
        double low = (o.Quantiles[QuantileDistance.First] - o.Mean) / o.Std;
        double high = (o.Quantiles[QuantileDistance.Last] - o.Mean) / o.Std;
        if (!(high > low))
        {
            (low, high) = ((o.Quantiles[0] - o.Mean) / o.Std, (o.Quantiles[^1] - o.Mean) / o.Std);
        }

        double center = z.ClippedMean(low, high);
        if (options.PageHinkleyLambda is { } fixedLimit)
        {
            return new OutputReference(o.Name, true, o.Mean, o.Std, low, high, center, delta, fixedLimit, fixedLimit);
        }

        // Increments X = clip(z) - center - δ upward, -(clip(z) - center) - δ downward.
        double up = CusumCalibration.Limit(
            x =>
            {
                double t = x + center + delta;
                return t < low ? 0 : t >= high ? 1 : z.Cdf(t);
            },
            runLength);
        double down = CusumCalibration.Limit(
            x =>
            {
                double s = center - delta - x;
                return s <= low ? 1 : s > high ? 0 : 1 - z.Cdf(s);
            },
            runLength);
        return new OutputReference(o.Name, true, o.Mean, o.Std, low, high, center, delta, up, down);
    }
}
