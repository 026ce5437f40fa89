using EdgeAgent.Drift.Calibration;
using EdgeAgent.Drift.Monitoring;
using EdgeAgent.Drift.Tests.Support;
using EdgeAgent.Packaging;

namespace EdgeAgent.Drift.Tests.Calibration;

public sealed class DriftReferenceTests
{
    private static readonly ReferenceProfile Profile = SyntheticStream.Profile(5_000);

    [Fact]
    public void Create_NamesInAnotherOrder_ThrowsNamingTheFirstDifference()
    {
        string[] names = ["pump.rms", "pump.peak", "pump.crest", "setpoint.last"];

        var ex = Assert.Throws<DriftProfileException>(() => DriftReference.Create(Profile, names, new DriftOptions()));

        Assert.StartsWith("The reference profile does not match the model's inputs: input 1 is 'pump.peak' but the profile has 'pump.crest' there.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FewerInputsThanProfiledFeatures_ThrowsGivingBothCounts()
    {
        var ex = Assert.Throws<DriftProfileException>(() => DriftReference.Create(Profile, ["pump.rms", "pump.crest", "pump.peak"], new DriftOptions()));

        Assert.Contains("the package has 3 inputs and the profile 4 features", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ValueWithTooFewQuantiles_ThrowsNamingTheValue()
    {
        ValueProfile broken = Profile.Features[1] with { Quantiles = [1, 2, 3] };
        var profile = Profile with { Features = [Profile.Features[0], broken, Profile.Features[2], Profile.Features[3]] };

        var ex = Assert.Throws<DriftProfileException>(() => DriftReference.Create(profile, SyntheticStream.Names, new DriftOptions()));

        Assert.Equal("The reference profile of 'pump.crest' has 3 quantiles, not 11; it cannot be used for drift detection.", ex.Message);
    }

    [Fact]
    public void Create_BadOptions_ThrowsNamingTheSetting()
    {
        var ex = Assert.Throws<ArgumentException>(() => DriftReference.Create(Profile, SyntheticStream.Names, new DriftOptions { WindowCount = 5 }));

        Assert.Contains("Drift:WindowCount is 5;", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ZeroStdFeature_IsJudgedAsAConstant()
    {
        DriftReference reference = DriftReference.Create(Profile, SyntheticStream.Names, new DriftOptions());

        FeatureReference constant = reference.Features[3];
        Assert.Equal(0, Profile.Features[3].Std);
        Assert.Equal(FeatureKind.Constant, constant.Kind);
        Assert.Equal(double.PositiveInfinity, constant.PsiThreshold);
        Assert.Equal(0.5, constant.DistanceThreshold);
        Assert.All(reference.Features.Take(3), f => Assert.Equal(FeatureKind.Continuous, f.Kind));
    }

    [Fact]
    public void Create_SameProfileTwice_GivesTheSameThresholds()
    {
        DriftReference a = DriftReference.Create(Profile, SyntheticStream.Names, new DriftOptions());
        DriftReference b = DriftReference.Create(Profile, SyntheticStream.Names, new DriftOptions());

        Assert.Equal(a.Features.Select(f => (f.PsiThreshold, f.DistanceThreshold)), b.Features.Select(f => (f.PsiThreshold, f.DistanceThreshold)));
        Assert.Equal(a.Outputs, b.Outputs);
    }

    [Fact]
    public void Create_LongerTargetRunLength_RaisesEveryThreshold()
    {
        DriftReference near = DriftReference.Create(Profile, SyntheticStream.Names, new DriftOptions { TargetRunLength = 10_000 });
        DriftReference far = DriftReference.Create(Profile, SyntheticStream.Names, new DriftOptions { TargetRunLength = 1_000_000 });

        for (int j = 0; j < 3; j++)
        {
            Assert.True(far.Features[j].PsiThreshold > near.Features[j].PsiThreshold);
            Assert.True(far.Features[j].DistanceThreshold > near.Features[j].DistanceThreshold);
        }

        Assert.True(far.Outputs[0].IncreaseLimit > near.Outputs[0].IncreaseLimit);
        Assert.True(far.Outputs[0].DecreaseLimit > near.Outputs[0].DecreaseLimit);
    }

    [Fact]
    public void Create_FixedThresholds_ReplaceTheCalibratedOnes()
    {
        var options = new DriftOptions { PsiThreshold = 0.25, DistanceThreshold = 0.4, PageHinkleyLambda = 8 };

        DriftReference reference = DriftReference.Create(Profile, SyntheticStream.Names, options);

        Assert.All(reference.Features.Take(3), f => Assert.Equal((0.25, 0.4), (f.PsiThreshold, f.DistanceThreshold)));
        Assert.Equal((8.0, 8.0), (reference.Outputs[0].IncreaseLimit, reference.Outputs[0].DecreaseLimit));
    }

    [Fact]
    public void Create_ConstantOutput_IsNotMonitored()
    {
        var profile = Profile with { Outputs = [ValueProfile.Of("flag", [.. Enumerable.Repeat(1.0, 100)])] };

        DriftReference reference = DriftReference.Create(profile, SyntheticStream.Names, new DriftOptions());

        Assert.False(reference.Outputs[0].Monitored);
    }
}
