using EdgeAgent.Alerting.Rules;
using EdgeAgent.Storage;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Alerting.Tests;

public sealed class DecisionOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new DecisionOptionsValidator().Validate(null, new DecisionOptions()).Succeeded);
    }

    [Fact]
    public void Validate_GoodRules_Succeed()
    {
        var options = new DecisionOptions
        {
            Rules =
            [
                new AlertRuleOptions { Name = "bearing-warning", Output = "score", RaiseAt = 3.17, ClearAt = 2.85, RaiseAfter = TimeSpan.FromSeconds(2), Text = "{output} is {value}" },
                new AlertRuleOptions { Name = "rul_low.1", Output = "rul", Direction = AlertDirection.Below, RaiseAt = 25, ClearAt = 25, Severity = AlertSeverity.Critical },
            ],
        };

        Assert.True(new DecisionOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(AlertDirection.Above, 3.0, 3.5, "Decisions:Rules:0:ClearAt is 3.5; for Direction Above it must be at most RaiseAt (3)")]
    [InlineData(AlertDirection.Below, 50.0, 40.0, "Decisions:Rules:0:ClearAt is 40; for Direction Below it must be at least RaiseAt (50)")]
    [InlineData(AlertDirection.Above, double.NaN, 1.0, "Decisions:Rules:0:RaiseAt is NaN; it must be set to a finite number.")]
    [InlineData(AlertDirection.Above, 3.0, double.PositiveInfinity, "Decisions:Rules:0:ClearAt is Infinity; when set it must be a finite number.")]
    public void Validate_BadThresholds_FailNamingTheSetting(AlertDirection direction, double raiseAt, double clearAt, string expected)
    {
        var options = new DecisionOptions { Rules = [new AlertRuleOptions { Name = "r", Output = "score", Direction = direction, RaiseAt = raiseAt, ClearAt = clearAt }] };

        ValidateOptionsResult result = new DecisionOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EverySettingWrong_FailsNamingEachSetting()
    {
        var options = new DecisionOptions
        {
            DefaultHysteresis = -0.1,
            DefaultRaiseAfter = TimeSpan.FromSeconds(-1),
            DefaultClearAfter = TimeSpan.FromDays(2),
            Rules =
            [
                new AlertRuleOptions { Name = "", Output = "", RaiseAt = 1 },
                new AlertRuleOptions { Name = "has space", Output = "score", RaiseAt = 1, Direction = (AlertDirection)7, Severity = (AlertSeverity)9 },
                new AlertRuleOptions { Name = "dup", Output = "score", RaiseAt = 1, RaiseAfter = TimeSpan.FromSeconds(-5), ClearAfter = TimeSpan.FromDays(3), Text = "{output} at {level}" },
                new AlertRuleOptions { Name = "DUP", Output = "score", RaiseAt = 1 },
                null!,
            ],
        };

        ValidateOptionsResult result = new DecisionOptionsValidator().Validate(null, options);

        string[] expected =
        [
            "Decisions:DefaultHysteresis is -0.1",
            "Decisions:DefaultRaiseAfter is -00:00:01",
            "Decisions:DefaultClearAfter is 2.00:00:00",
            "Decisions:Rules:0:Name is empty",
            "Decisions:Rules:0:Output is empty",
            "Decisions:Rules:1:Name 'has space' is not a rule name",
            "Decisions:Rules:1:Direction is 7",
            "Decisions:Rules:1:Severity is 9",
            "Decisions:Rules:2:RaiseAfter is -00:00:05",
            "Decisions:Rules:2:ClearAfter is 3.00:00:00",
            "Decisions:Rules:2:Text has the unknown placeholder '{level}'",
            "Decisions:Rules:3:Name 'DUP' is also the name of Decisions:Rules:2",
            "Decisions:Rules:4 is empty.",
        ];
        Assert.Equal(expected.Length, result.Failures!.Count());
        Assert.All(expected, e => Assert.Contains(result.Failures!, f => f.StartsWith(e, StringComparison.Ordinal)));
    }
}
