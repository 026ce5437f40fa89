using EdgeAgent.Features.Computation;

namespace EdgeAgent.Features.Tests.Computation;

public class BandEnergyTests
{
    private const double Rate = 1000;

    [Fact]
    public void Compute_PureSineOnABin_AllEnergyInItsBand()
    {
        // 256 samples at 1 kHz: bins every 3.90625 Hz; 125 Hz is bin 32. A sine of amplitude 2 has mean square 2.
        double[] x = Sine(256, 125, 2);

        float[] bands = Bands(x, "band_energy:0-100", "band_energy:100-150", "band_energy:150-500");

        Assert.Equal(0, bands[0], 1e-9);
        Assert.Equal(2, bands[1], 1e-5);
        Assert.Equal(0, bands[2], 1e-9);
    }

    [Fact]
    public void Compute_PureSineOffBinZeroPadded_MostEnergyInItsBand()
    {
        // 200 samples padded to 256; 120 Hz falls between bins and leaks, but the bulk stays in 100–150 Hz.
        double[] x = Sine(200, 120, 1);

        float[] bands = Bands(x, "band_energy:0-100", "band_energy:100-150", "band_energy:150-500");

        Assert.True(bands[1] > 0.9 * bands.Sum(), $"in band {bands[1]}, total {bands.Sum()}");
    }

    [Theory]
    [InlineData(64, 1)]
    [InlineData(100, 2)]
    [InlineData(37, 3)]
    public void Compute_BandsTilingToNyquist_AddUpToMeanSquare(int window, int seed)
    {
        var random = new Random(seed);
        double[] x = [.. Enumerable.Range(0, window).Select(_ => (random.NextDouble() * 4) - 1)];

        float[] bands = Bands(x, "band_energy:0-125", "band_energy:125-250", "band_energy:250-500", "band_energy:0-500");

        double meanSquare = x.Select(v => v * v).Average();
        Assert.Equal(meanSquare, bands[0] + bands[1] + bands[2], 1e-5);
        Assert.Equal(meanSquare, bands[3], 1e-5);
    }

    [Fact]
    public void Compute_DcOnly_EnergyInLowestBin()
    {
        float[] bands = Bands(Enumerable.Repeat(3.0, 32).ToArray(), "band_energy:0-1", "band_energy:1-500");

        Assert.Equal(9, bands[0], 1e-5);
        Assert.Equal(0, bands[1], 1e-9);
    }

    private static double[] Sine(int n, double frequency, double amplitude) =>
        [.. Enumerable.Range(0, n).Select(t => amplitude * Math.Sin((2 * Math.PI * frequency * t / Rate) + 0.3))];

    private static float[] Bands(double[] x, params string[] bands)
    {
        var plan = FeaturePlan.Create(Specs.One("vib", x.Length, 1, bands), new Dictionary<string, double> { ["vib"] = Rate });
        var output = new float[plan.Width];
        new FeatureComputer(plan).Compute(x, output);
        return output;
    }
}
