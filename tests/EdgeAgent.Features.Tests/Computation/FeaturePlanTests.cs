using EdgeAgent.Features.Computation;
using EdgeAgent.Packaging;

namespace EdgeAgent.Features.Tests.Computation;

public class FeaturePlanTests
{
    [Fact]
    public void Create_UnknownKind_ThrowsNamingChannelAndKind()
    {
        var ex = Assert.Throws<FeatureSpecException>(() => FeaturePlan.Create(Specs.One("vib", 16, 1, "mean", "wavelet_entropy")));

        Assert.Equal("vib", ex.Channel);
        Assert.Equal("wavelet_entropy", ex.Feature);
        Assert.Contains("channel 'vib'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'wavelet_entropy'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("band_energy:LO-HI", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ewma:0")]
    [InlineData("ewma:1.5")]
    [InlineData("ewma:abc")]
    [InlineData("ewma")]
    [InlineData("recent_mean:0")]
    [InlineData("recent_mean:17")]
    [InlineData("recent_mean:2.5")]
    [InlineData("mean:3")]
    [InlineData("band_energy:abc")]
    [InlineData("band_energy:50-10")]
    [InlineData("band_energy:10-600")]
    [InlineData("")]
    public void Create_BadParameter_ThrowsNamingChannelAndKind(string feature)
    {
        var rates = new Dictionary<string, double> { ["vib"] = 1000 };

        var ex = Assert.Throws<FeatureSpecException>(() => FeaturePlan.Create(Specs.One("vib", 16, 1, feature), rates));

        Assert.Equal("vib", ex.Channel);
        Assert.Equal(feature, ex.Feature);
    }

    [Fact]
    public void Create_SlopeOverOneSample_Throws()
    {
        var ex = Assert.Throws<FeatureSpecException>(() => FeaturePlan.Create(Specs.One("t", 1, 1, "slope")));

        Assert.Contains("at least 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BandEnergyWithoutSampleRate_ThrowsSayingSo()
    {
        var ex = Assert.Throws<FeatureSpecException>(() => FeaturePlan.Create(Specs.One("vib", 64, 1, "band_energy:10-20")));

        Assert.Contains("sample rate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BandNarrowerThanResolution_ThrowsSayingNoBin()
    {
        var rates = new Dictionary<string, double> { ["vib"] = 1000 };

        // A 16-point FFT at 1 kHz resolves 62.5 Hz: 70–80 Hz holds no bin.
        var ex = Assert.Throws<FeatureSpecException>(() => FeaturePlan.Create(Specs.One("vib", 16, 1, "band_energy:70-80"), rates));

        Assert.Contains("no FFT bin", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, "none")]
    [InlineData(4, 0, "none")]
    [InlineData(4, 1, "zeros")]
    public void Create_BadWindowHopOrPadding_Throws(int window, int hop, string padding)
    {
        Assert.Throws<FeatureSpecException>(() => FeaturePlan.Create(Specs.Channels(window, hop, padding, "a")));
    }

    [Fact]
    public void Create_ChannelListedTwice_Throws()
    {
        var ex = Assert.Throws<FeatureSpecException>(() => FeaturePlan.Create(Specs.Channels(4, 1, "none", "a", "a")));

        Assert.Equal("a", ex.Channel);
    }

    [Fact]
    public void Create_DerivedReadsUnknownChannel_ThrowsNamingIt()
    {
        FeatureSpec spec = Specs.Channels(1, 1, "none", "a") with { Derived = [new DerivedFeature("p", "product", "a", "b", 1, "u")] };

        var ex = Assert.Throws<FeatureSpecException>(() => FeaturePlan.Create(spec));

        Assert.Equal("b", ex.Channel);
        Assert.Equal("p", ex.Feature);
    }

    [Fact]
    public void Create_DerivedUnknownOperation_Throws()
    {
        FeatureSpec spec = Specs.Channels(1, 1, "none", "a", "b") with { Derived = [new DerivedFeature("r", "ratio", "a", "b", 1, "u")] };

        Assert.Throws<FeatureSpecException>(() => FeaturePlan.Create(spec));
    }

    [Fact]
    public void Create_SampleRateForUnknownChannel_Throws()
    {
        Assert.Throws<FeatureSpecException>(() => FeaturePlan.Create(Specs.Channels(4, 1, "none", "a"), new Dictionary<string, double> { ["b"] = 10 }));
    }

    [Fact]
    public void Create_EveryKindPackagingLists_IsComputed()
    {
        string Example(string kind) => kind switch
        {
            "ewma" => "ewma:0.1",
            "band_energy" => "band_energy:10-50",
            _ when FeatureKinds.Parameterized.Contains(kind) => $"{kind}:3",
            _ => kind,
        };
        string[] features = [.. FeatureKinds.All.Keys.Select(Example)];
        Assert.All(features, f => Assert.True(FeatureKinds.IsValid(f, 8), $"{f} should be a valid package feature"));

        FeaturePlan plan = FeaturePlan.Create(Specs.One("s", 8, 1, features), new Dictionary<string, double> { ["s"] = 200 });

        Assert.Equal(FeatureKinds.All.Count, plan.Width);
    }

    [Theory]
    [InlineData("mean", 5)]
    [InlineData("slope", 1)]
    [InlineData("slope", 2)]
    [InlineData("ewma:1", 5)]
    [InlineData("ewma:0", 5)]
    [InlineData("ewma:-0.5", 5)]
    [InlineData("ewma:1e-3", 5)]
    [InlineData("recent_mean:5", 5)]
    [InlineData("recent_mean:6", 5)]
    [InlineData("recent_mean:2.0", 5)]
    [InlineData("recent_mean:1.5", 5)]
    [InlineData("std:2", 5)]
    [InlineData("ewma:0.1:2", 5)]
    [InlineData("median", 5)]
    public void Create_PackagingKind_AcceptedExactlyWhenFeatureKindsIsValid(string feature, int window)
    {
        bool valid = FeatureKinds.IsValid(feature, window);

        Exception? error = Record.Exception(() => FeaturePlan.Create(Specs.One("s", window, 1, feature)));

        Assert.Equal(valid, error is null);
        Assert.True(error is null or FeatureSpecException);
    }

    [Fact]
    public void Create_ValidSpec_ValueNamesAndWidthMatchTheSpec()
    {
        FeatureSpec spec = new()
        {
            Window = 8,
            Hop = 2,
            Padding = "repeat-first",
            Channels =
            [
                new ChannelFeatures("a", "V", ["mean", "ewma:0.5"]),
                new ChannelFeatures("b", "A", []),
                new ChannelFeatures("c", "g", ["band_energy:0-25", "kurtosis"]),
            ],
            Derived = [new DerivedFeature("power", "product", "a", "b", 2, "W")],
        };

        FeaturePlan plan = FeaturePlan.Create(spec, new Dictionary<string, double> { ["c"] = 100 });

        Assert.Equal(spec.ValueNames, plan.ValueNames);
        Assert.Equal(spec.Width, plan.Width);
        Assert.Equal(["a", "b", "c"], plan.Channels);
        Assert.True(plan.RepeatFirst);
        Assert.Equal(8, plan.FftSize);
        Assert.Equal(2, plan.ChannelIndex("c"));
    }
}
