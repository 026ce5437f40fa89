using EdgeAgent.Features.Computation;
using EdgeAgent.Packaging;

namespace EdgeAgent.Features.Tests.Computation;

public class FeatureComputerTests
{
    private static readonly string[] AllKinds =
    [
        "value", "last", "mean", "std", "min", "max", "rms", "peak", "peak_to_peak", "crest", "kurtosis", "skewness", "slope",
        "ewma:0.1", "ewma:0.5", "recent_mean:1", "recent_mean:5", "band_energy:0-100", "band_energy:100-250.5", "band_energy:250-500",
    ];

    // x = 2 4 4 4 5 5 7 9: mean 5, deviations −3 −1 −1 −1 0 0 2 4, m₂ = 4, m₃ = 42/8, m₄ = 356/8, Σx² = 232,
    // Σ(t − 3.5)(x − 5) = 34 over Σ(t − 3.5)² = 42, ewma(0.5) = 2 → 3 → 3.5 → 3.75 → 4.375 → 4.6875 → 5.84375 → 7.421875.
    [Theory]
    [InlineData("value", 9.0)]
    [InlineData("last", 9.0)]
    [InlineData("mean", 5.0)]
    [InlineData("std", 2.0)]
    [InlineData("min", 2.0)]
    [InlineData("max", 9.0)]
    [InlineData("rms", 5.385164807134504)]
    [InlineData("peak", 9.0)]
    [InlineData("peak_to_peak", 7.0)]
    [InlineData("crest", 1.671258043593467)]
    [InlineData("kurtosis", 2.78125)]
    [InlineData("skewness", 0.65625)]
    [InlineData("slope", 0.8095238095238095)]
    [InlineData("ewma:0.5", 7.421875)]
    [InlineData("recent_mean:3", 7.0)]
    public void Compute_HandWorkedWindow_GivesHandValue(string feature, double expected)
    {
        var computer = new FeatureComputer(FeaturePlan.Create(Specs.One("x", 8, 1, feature)));
        var output = new float[1];

        computer.Compute([2, 4, 4, 4, 5, 5, 7, 9], output);

        Assert.Equal((float)expected, output[0]);
    }

    [Fact]
    public void Compute_NegativePeak_IsLargestMagnitude()
    {
        var computer = new FeatureComputer(FeaturePlan.Create(Specs.One("x", 4, 1, "peak", "crest")));
        var output = new float[2];

        computer.Compute([1, -3, 2, 0], output);

        Assert.Equal(3f, output[0]);
        Assert.Equal((float)(3 / Math.Sqrt(14 / 4.0)), output[1]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(518.67)]
    public void Compute_ConstantWindow_ShapeFeaturesAreZero(double level)
    {
        var computer = new FeatureComputer(FeaturePlan.Create(Specs.One("x", 30, 1, "kurtosis", "skewness", "slope", "peak_to_peak")));
        var output = new float[4];

        computer.Compute(Enumerable.Repeat(level, 30).ToArray(), output);

        Assert.Equal([0f, 0f, 0f, 0f], output);
    }

    [Fact]
    public void Compute_ZeroWindow_CrestIsZero()
    {
        var computer = new FeatureComputer(FeaturePlan.Create(Specs.One("x", 4, 1, "crest", "rms")));
        var output = new float[2];

        computer.Compute([0, 0, 0, 0], output);

        Assert.Equal([0f, 0f], output);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(100)]
    public void Compute_RandomWindows_MatchNaiveComputation(int seed)
    {
        var random = new Random(seed);
        int window = 5 + random.Next(120);
        const double Rate = 1000;
        FeatureSpec spec = new()
        {
            Window = window,
            Hop = 1,
            Channels = [new ChannelFeatures("a", "u", AllKinds), new ChannelFeatures("b", "u", AllKinds)],
        };
        var plan = FeaturePlan.Create(spec, new Dictionary<string, double> { ["a"] = Rate, ["b"] = Rate });
        var computer = new FeatureComputer(plan);
        double[] a = [.. Enumerable.Range(0, window).Select(_ => (random.NextDouble() * 20) - 5)];
        double[] b = [.. Enumerable.Range(0, window).Select(_ => Math.Exp(random.NextDouble() * 3))];
        var output = new float[plan.Width];

        computer.Compute([.. a, .. b], output);

        for (int i = 0; i < AllKinds.Length; i++)
        {
            AssertClose(Naive.Feature(AllKinds[i], a, Rate), output[i], AllKinds[i]);
            AssertClose(Naive.Feature(AllKinds[i], b, Rate), output[AllKinds.Length + i], AllKinds[i]);
        }
    }

    [Fact]
    public void Compute_Derived_UsesLatestSamplesTimesScale()
    {
        FeatureSpec spec = Specs.Channels(3, 1, "none", "a", "b") with
        {
            Derived = [new DerivedFeature("p", "product", "a", "b", 0.5, "u"), new DerivedFeature("d", "difference", "b", "a", 2, "u")],
        };
        var computer = new FeatureComputer(FeaturePlan.Create(spec));
        var output = new float[4];

        computer.Compute([9, 9, 3, 9, 9, 10], output);

        Assert.Equal([3f, 10f, 15f, 14f], output);
    }

    [Fact]
    public void Compute_WrongSpanLengths_Throw()
    {
        var computer = new FeatureComputer(FeaturePlan.Create(Specs.One("x", 4, 1, "mean")));

        Assert.Throws<ArgumentException>(() => computer.Compute(new double[3], new float[1]));
        Assert.Throws<ArgumentException>(() => computer.Compute(new double[4], new float[2]));
    }

    [Fact]
    public void Compute_SteadyState_AllocatesNothing()
    {
        FeatureSpec spec = new()
        {
            Window = 100,
            Hop = 1,
            Channels = [new ChannelFeatures("a", "u", AllKinds), new ChannelFeatures("b", "u", ["mean", "band_energy:0-10"])],
            Derived = [new DerivedFeature("p", "product", "a", "b", 1, "u")],
        };
        var plan = FeaturePlan.Create(spec, new Dictionary<string, double> { ["a"] = 1000, ["b"] = 1000 });
        var computer = new FeatureComputer(plan);
        var random = new Random(3);
        double[] windows = [.. Enumerable.Range(0, plan.WindowsLength).Select(_ => random.NextDouble())];
        var output = new float[plan.Width];
        for (int i = 0; i < 50; i++)
        {
            computer.Compute(windows, output);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            computer.Compute(windows, output);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void AssertClose(double expected, float actual, string what)
    {
        double tolerance = 1e-5 * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected}, got {actual}.");
    }
}
