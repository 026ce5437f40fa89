namespace EdgeAgent.Drift.Tests.Support;

/// <summary>The standard normal CDF, independent of the code under test (Abramowitz and Stegun 7.1.26, error below 1.5e-7).</summary>
internal static class NormalDistribution
{
    public static double Cdf(double x)
    {
        double t = 1 / (1 + (0.3275911 * Math.Abs(x) / Math.Sqrt(2)));
        double poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        double erfc = poly * Math.Exp(-x * x / 2);
        return x >= 0 ? 1 - (erfc / 2) : erfc / 2;
    }

    public static double Sample(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
