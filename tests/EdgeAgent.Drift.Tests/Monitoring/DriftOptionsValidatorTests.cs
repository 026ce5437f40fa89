using EdgeAgent.Drift.Monitoring;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Drift.Tests.Monitoring;

public sealed class DriftOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new DriftOptionsValidator().Validate(null, new DriftOptions()).Succeeded);
    }

    [Fact]
    public void Validate_NegativePsiThreshold_FailsNamingTheSetting()
    {
        ValidateOptionsResult result = new DriftOptionsValidator().Validate(null, new DriftOptions { PsiThreshold = -1 });

        Assert.Equal(["Drift:PsiThreshold is -1; it must be above 0."], result.Failures);
    }

    [Fact]
    public void Validate_EverySettingWrong_FailsNamingEachSetting()
    {
        var options = new DriftOptions
        {
            WindowCount = 5,
            EvaluateEvery = 0,
            MinimumWindows = 200_000_000,
            TargetRunLength = 5,
            PsiThreshold = 0,
            DistanceThreshold = double.NaN,
            PageHinkleyDelta = -0.5,
            PageHinkleyLambda = double.PositiveInfinity,
            LogRepeatInterval = TimeSpan.Zero,
        };

        ValidateOptionsResult result = new DriftOptionsValidator().Validate(null, options);

        string[] expected =
        [
            "Drift:WindowCount is 5; it must be 10 to 100000 (live windows per judged batch, such as 200).",
            "Drift:EvaluateEvery is 0; it must be 1 to Drift:WindowCount (5).",
            "Drift:MinimumWindows is 200000000; it must be at least Drift:WindowCount (5) and at most 100000000.",
            "Drift:TargetRunLength is 5; it must be at least 10 × Drift:EvaluateEvery (10) and at most 1000000000 windows.",
            "Drift:PsiThreshold is 0; it must be above 0.",
            "Drift:DistanceThreshold is NaN; it must be above 0.",
            "Drift:PageHinkleyLambda is Infinity; it must be above 0.",
            "Drift:PageHinkleyDelta is -0.5; it must be 0 to 5 (reference standard deviations, such as 0.5).",
            "Drift:LogRepeatInterval is 00:00:00; it must be 1 s to 7 days.",
        ];
        Assert.Equal(expected, result.Failures);
    }

    [Theory]
    [InlineData(200, 201, "Drift:EvaluateEvery is 201; it must be 1 to Drift:WindowCount (200).")]
    [InlineData(200, 50, null)]
    public void Validate_EvaluateEveryAgainstWindowCount_IsBoundByIt(int windowCount, int every, string? expected)
    {
        ValidateOptionsResult result = new DriftOptionsValidator().Validate(null, new DriftOptions { WindowCount = windowCount, EvaluateEvery = every, MinimumWindows = windowCount });

        Assert.Equal(expected, result.Failures?.Single());
    }

    [Fact]
    public void Validate_MinimumWindowsBelowWindowCount_FailsNamingBoth()
    {
        ValidateOptionsResult result = new DriftOptionsValidator().Validate(null, new DriftOptions { MinimumWindows = 100 });

        Assert.Equal(["Drift:MinimumWindows is 100; it must be at least Drift:WindowCount (200) and at most 100000000."], result.Failures);
    }
}
