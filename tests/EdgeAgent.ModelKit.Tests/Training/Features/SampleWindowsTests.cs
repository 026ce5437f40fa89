using System.Globalization;
using EdgeAgent.Features.Computation;
using EdgeAgent.ModelKit.Data;
using EdgeAgent.ModelKit.Training.Features;
using EdgeAgent.Packaging;

namespace EdgeAgent.ModelKit.Tests.Training.Features;

public sealed class SampleWindowsTests
{
    private const double Rate = 10_000;

    private static DataTable Table(string[] columns, int rows, Func<int, int, double> value) => new(
        "test.csv",
        columns,
        [.. Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, columns.Length).Select(c => value(r, c).ToString("R", CultureInfo.InvariantCulture)).ToArray())],
        [.. Enumerable.Range(2, rows)]);

    private static FeaturePlan Plan(int window, int hop, params ChannelFeatures[] channels)
    {
        var spec = new FeatureSpec { Window = window, Hop = hop, Channels = channels };
        return FeaturePlan.Create(spec, channels.ToDictionary(c => c.Name, _ => Rate));
    }

    [Fact]
    public void Compute_PureSineConstantAndRamp_GivesTheirClosedFormFeatures()
    {
        // a: 2·sin(2π·2500 Hz·t) at 10 kHz is 0, 2, 0, −2, …: rms √2, peak 2, crest √2, kurtosis 2; all its power
        // (A²/2 = 2) lies in FFT bin 256 = 2500 Hz. b: constant 3.5. c: ramp of 0.01 per sample.
        FeaturePlan plan = Plan(
            1024,
            1024,
            new ChannelFeatures("a", "g", ["rms", "peak", "crest", "kurtosis", "mean", "band_energy:2000-4000", "band_energy:0-2000"]),
            new ChannelFeatures("b", "degC", ["mean", "std", "rms", "crest", "kurtosis", "peak_to_peak"]),
            new ChannelFeatures("c", "A", ["slope", "mean", "min", "max", "last"]));
        DataTable table = Table(["timestamp", "a", "b", "c"], 2048, (r, c) => c switch
        {
            0 => r / Rate,
            1 => 2 * Math.Sin(2 * Math.PI * 2500 * r / Rate),
            2 => 3.5,
            _ => 0.01 * r,
        });

        WindowedRows windows = SampleWindows.Compute(table, plan);

        Assert.Equal(2, windows.Count);
        Assert.Equal([1023, 2047], windows.WindowEnds);
        float[] second = windows.Rows[windows.Width..];
        double[] expected =
        [
            Math.Sqrt(2), 2, Math.Sqrt(2), 2, 0, 2, 0,
            3.5, 0, 3.5, 1, 0, 0,
            0.01, 0.01 * (1024 + 2047) / 2.0, 10.24, 20.47, 20.47,
        ];
        Assert.Equal(expected.Length, windows.Width);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(second[i] - expected[i]) <= 1e-5 * Math.Max(1, Math.Abs(expected[i])), $"{plan.ValueNames[i]}: expected {expected[i]}, got {second[i]}");
        }
    }

    [Fact]
    public void Compute_NoisyWindow_MatchesMomentsAndDftComputedDirectly()
    {
        const int Window = 1024;
        var random = new Random(11);
        double[] x = [.. Enumerable.Range(0, Window).Select(_ => (0.3 * Math.Sin(random.NextDouble() * 6)) + random.NextDouble() - 0.4)];
        FeaturePlan plan = Plan(
            Window,
            Window,
            new ChannelFeatures("v", "g", ["rms", "peak", "crest", "kurtosis", "skewness", "std", "band_energy:2000-4000", "band_energy:0-5000"]));
        DataTable table = Table(["v"], Window, (r, _) => x[r]);

        float[] row = SampleWindows.Compute(table, plan).Rows;

        double mean = x.Average();
        double m2 = x.Average(v => Math.Pow(v - mean, 2));
        double m3 = x.Average(v => Math.Pow(v - mean, 3));
        double m4 = x.Average(v => Math.Pow(v - mean, 4));
        double rms = Math.Sqrt(x.Average(v => v * v));
        double peak = x.Max(Math.Abs);

        // One-sided power of a direct DFT: bins k·fs/N with 2000 <= f < 4000 Hz are 205 … 409 for N = 1024 at 10 kHz.
        double band = 0;
        for (int k = 205; k <= 409; k++)
        {
            double re = 0, im = 0;
            for (int n = 0; n < Window; n++)
            {
                re += x[n] * Math.Cos(2 * Math.PI * k * n / Window);
                im -= x[n] * Math.Sin(2 * Math.PI * k * n / Window);
            }

            band += 2 * ((re * re) + (im * im)) / ((double)Window * Window);
        }

        double[] expected = [rms, peak, peak / rms, m4 / (m2 * m2), m3 / Math.Pow(m2, 1.5), Math.Sqrt(m2), band, rms * rms];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(row[i] - expected[i]) <= 1e-5 * Math.Max(1e-3, Math.Abs(expected[i])), $"{plan.ValueNames[i]}: expected {expected[i]}, got {row[i]}");
        }
    }

    [Fact]
    public void Compute_MissingSamples_RepairsAnIsolatedOneAndSkipsTheWindowsOfARun()
    {
        // Window 8 every 4 over 40 samples: windows end at samples 7, 11, …, 39 (9 windows). Empty fields at 17–19
        // (a run of 3, more than the 1 a window may interpolate) skip the windows 12–19 and 16–23; NaN at 30 is
        // interpolated in windows 24–31 and 28–35.
        FeaturePlan plan = Plan(8, 4, new ChannelFeatures("v", "g", ["mean"]));
        string[][] rows = [.. Enumerable.Range(0, 40).Select(r => new[] { r is >= 17 and <= 19 ? "" : r == 30 ? "NaN" : r.ToString(CultureInfo.InvariantCulture) })];
        var table = new DataTable("gappy.csv", ["v"], [.. rows], [.. Enumerable.Range(2, 40)]);

        WindowedRows windows = SampleWindows.Compute(table, plan);

        Assert.Equal(9, windows.Windows);
        Assert.Equal(2, windows.SkippedWindows);
        Assert.Equal(2, windows.RepairedWindows);
        Assert.Equal([7, 11, 15, 27, 31, 35, 39], windows.WindowEnds);
        Assert.Equal([12L, 16L], windows.RecentSkips.Select(s => (s.Sequence * 4) - 4));

        // Samples 24…31 with 30 interpolated from 29 and 31 (= 30): the mean is 27.5 as if nothing were missing.
        Assert.Equal(27.5f, windows.Rows[4]);
    }

    [Fact]
    public void LabelWindows_OneLabelledSample_MarksEveryWindowHoldingIt()
    {
        FeaturePlan plan = Plan(8, 4, new ChannelFeatures("v", "g", ["mean"]));
        WindowedRows windows = SampleWindows.Compute(Table(["v"], 40, (r, _) => r), plan);
        double[] labels = new double[40];
        labels[21] = 1;

        bool[] marked = windows.LabelWindows(labels);

        // Windows end at 7, 11, 15, 19, 23, 27, …; the fifth (16–23) and sixth (20–27) hold sample 21.
        Assert.Equal([false, false, false, false, true, true, false, false, false], marked);
    }

    [Fact]
    public void LabelWindows_WrongNumberOfLabels_Throws()
    {
        FeaturePlan plan = Plan(8, 4, new ChannelFeatures("v", "g", ["mean"]));
        WindowedRows windows = SampleWindows.Compute(Table(["v"], 40, (r, _) => r), plan);

        var ex = Assert.Throws<ArgumentException>(() => windows.LabelWindows(new double[39]));

        Assert.Contains("39 labels were given for 40 samples", ex.Message, StringComparison.Ordinal);
    }
}
