using EdgeAgent.Drift.Calibration;
using EdgeAgent.Drift.Statistics;
using EdgeAgent.Packaging;

namespace EdgeAgent.Drift.Tests.Calibration;

public sealed class PsiCalibrationTests
{
    private static readonly ValueProfile TenEqualBins = new(
        "x", 1_000_000, 5, 1, [.. Enumerable.Repeat(5.0, 11)], [.. Enumerable.Range(0, 11).Select(i => (double)i)], [.. Enumerable.Repeat(100_000L, 10)]);

    [Fact]
    public void Threshold_LargeBatch_IsNearTheChiSquareQuantile()
    {
        var bins = MergedBins.Of(TenEqualBins, 0.01);

        double threshold = PsiCalibration.Threshold(bins, 2000, 1_000_000, 0.01);

        // n·PSI tends to chi-square with 9 degrees of freedom (21.67 at 1%); Poisson sampling adds about one (23.21).
        Assert.InRange(threshold * 2000, 21.0, 25.0);
    }

    [Fact]
    public void Threshold_SimulatedInControlBatches_ExceedItAtMostAsOftenAsAlpha()
    {
        var bins = MergedBins.Of(TenEqualBins, 0.025);
        const int n = 200, batches = 40_000;
        const double alpha = 0.002;
        double threshold = PsiCalibration.Threshold(bins, n, 1_000_000, alpha);
        var random = new Random(11);
        var counts = new int[10];
        int exceeded = 0;
        for (int b = 0; b < batches; b++)
        {
            Array.Clear(counts);
            for (int k = 0; k < n; k++)
            {
                counts[random.Next(10)]++;
            }

            double psi = 0;
            foreach (int c in counts)
            {
                double p = Math.Max(c, 0.5) / n;
                psi += (p - 0.1) * Math.Log(p / 0.1);
            }

            exceeded += psi > threshold ? 1 : 0;
        }

        // Expected at most 80; the bound allows for the count's own spread (sd about 9).
        Assert.InRange(exceeded, 1, 100);
    }

    [Fact]
    public void Threshold_OneBinLeft_IsInfinite()
    {
        var bins = MergedBins.Of(TenEqualBins, 1);

        Assert.Equal(double.PositiveInfinity, PsiCalibration.Threshold(bins, 10, 1000, 0.01));
    }

    [Fact]
    public void Threshold_SmallReference_IsRaisedForItsOwnUncertainty()
    {
        var bins = MergedBins.Of(TenEqualBins, 0.025);

        double large = PsiCalibration.Threshold(bins, 200, 1_000_000, 1e-4);
        double small = PsiCalibration.Threshold(bins, 200, 200, 1e-4);

        Assert.Equal(2, small / large, 2);
    }
}
