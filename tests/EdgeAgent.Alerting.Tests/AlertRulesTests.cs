using EdgeAgent.Alerting.Rules;
using EdgeAgent.Packaging;
using EdgeAgent.Storage;

namespace EdgeAgent.Alerting.Tests;

public sealed class AlertRulesTests
{
    [Fact]
    public void Resolve_PackageThresholds_BecomeRulesWithTheDefaults()
    {
        PackageManifest manifest = TestManifests.With(
            [TestManifests.Score, TestManifests.Rul],
            new AlertThreshold("score", "above", 3.5, "warning", "99.9th percentile of healthy scores"),
            new AlertThreshold("rul", "below", 50, "warning", "order parts"),
            new AlertThreshold("rul", "Below", 25, "CRITICAL", "act now"));
        var options = new DecisionOptions { DefaultHysteresis = 0.2, DefaultRaiseAfter = TimeSpan.FromSeconds(3), DefaultClearAfter = TimeSpan.FromSeconds(7) };

        IReadOnlyList<AlertRuleOptions> rules = AlertRules.Resolve(manifest, options);

        Assert.Equal(
            [
                ("score-warning", "score", AlertDirection.Above, 3.5, 2.8, AlertSeverity.Warning),
                ("rul-warning", "rul", AlertDirection.Below, 50.0, 60.0, AlertSeverity.Warning),
                ("rul-critical", "rul", AlertDirection.Below, 25.0, 30.0, AlertSeverity.Critical),
            ],
            rules.Select(r => (r.Name, r.Output, r.Direction, r.RaiseAt, Math.Round(r.ClearAt!.Value, 9), r.Severity)));
        Assert.All(rules, r => Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7)), (r.RaiseAfter, r.ClearAfter)));
    }

    [Fact]
    public void Resolve_ConfiguredRules_AreAddedWithUnsetSettingsFilledAndOptionsUnchanged()
    {
        PackageManifest manifest = TestManifests.With([TestManifests.Score], new AlertThreshold("score", "above", 3.5, "warning", ""));
        var configured = new AlertRuleOptions { Name = "score-high", Output = "score", RaiseAt = 8, Severity = AlertSeverity.Critical, ClearAfter = TimeSpan.Zero };
        var options = new DecisionOptions { Rules = [configured] };

        IReadOnlyList<AlertRuleOptions> rules = AlertRules.Resolve(manifest, options);

        Assert.Equal(["score-warning", "score-high"], rules.Select(r => r.Name));
        AlertRuleOptions high = rules[1];
        Assert.Equal((7.2, TimeSpan.FromSeconds(10), TimeSpan.Zero), (Math.Round(high.ClearAt!.Value, 9), high.RaiseAfter, high.ClearAfter));
        Assert.Null(configured.ClearAt);
        Assert.Null(configured.RaiseAfter);
    }

    [Fact]
    public void Resolve_UsePackageRulesFalse_KeepsOnlyTheConfiguredRules()
    {
        PackageManifest manifest = TestManifests.With([TestManifests.Score], new AlertThreshold("score", "above", 3.5, "warning", ""));
        var options = new DecisionOptions
        {
            UsePackageRules = false,
            Rules = [new AlertRuleOptions { Name = "score-warning", Output = "score", RaiseAt = 5 }],
        };

        AlertRuleOptions rule = Assert.Single(AlertRules.Resolve(manifest, options));

        Assert.Equal(5, rule.RaiseAt);
    }

    [Fact]
    public void Resolve_RuleOnMissingOutput_IsRefusedNamingTheRuleAndListingTheOutputs()
    {
        PackageManifest manifest = TestManifests.With([TestManifests.Score, TestManifests.Rul]);
        var options = new DecisionOptions { Rules = [new AlertRuleOptions { Name = "life", Output = "remaining", Direction = AlertDirection.Below, RaiseAt = 5 }] };

        var ex = Assert.Throws<AlertRuleException>(() => AlertRules.Resolve(manifest, options));

        Assert.Contains("Rule 'life' (Decisions:Rules:0) watches output 'remaining', which model pump-anomaly 1.2.3 does not have; its outputs are: score [batch], rul [batch, 1].", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_RuleOnOutputWithManyValuesPerWindow_IsRefused()
    {
        PackageManifest manifest = TestManifests.With([TestManifests.Score, TestManifests.Embedding]);
        var options = new DecisionOptions { Rules = [new AlertRuleOptions { Name = "latent", Output = "embedding", RaiseAt = 5 }] };

        var ex = Assert.Throws<AlertRuleException>(() => AlertRules.Resolve(manifest, options));

        Assert.Contains("Rule 'latent' (Decisions:Rules:0) watches output 'embedding' of shape [batch, 16]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ConfiguredNameClashesWithPackageRule_IsRefusedSayingHowToFixIt()
    {
        PackageManifest manifest = TestManifests.With([TestManifests.Score], new AlertThreshold("score", "above", 3.5, "warning", ""));
        var options = new DecisionOptions { Rules = [new AlertRuleOptions { Name = "Score-Warning", Output = "score", RaiseAt = 5 }] };

        var ex = Assert.Throws<AlertRuleException>(() => AlertRules.Resolve(manifest, options));

        Assert.Contains("Rule 'Score-Warning' (Decisions:Rules:0) has the same name as the rule from the package's alert 0 (score above 3.5)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Decisions:UsePackageRules to false", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_PackageThresholdWithUnknownWords_IsRefusedNamingTheThreshold()
    {
        PackageManifest manifest = TestManifests.With([TestManifests.Score], new AlertThreshold("score", "sideways", 3.5, "panic", ""));

        var ex = Assert.Throws<AlertRuleException>(() => AlertRules.Resolve(manifest, new DecisionOptions()));

        Assert.Contains("The package's alert 0 (score sideways 3.5) has direction 'sideways'; it must be above or below.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("has severity 'panic'; it must be info, warning or critical.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_TwoPackageThresholdsOfOneSeverityOnOneOutput_GetDistinctNames()
    {
        PackageManifest manifest = TestManifests.With(
            [TestManifests.Score],
            new AlertThreshold("score", "above", 3.5, "warning", ""),
            new AlertThreshold("score", "above", 5, "warning", ""));

        Assert.Equal(["score-warning", "score-warning-2"], AlertRules.Resolve(manifest, new DecisionOptions()).Select(r => r.Name));
    }

    [Fact]
    public void Resolve_BadOptions_IsRefusedNamingTheSetting()
    {
        PackageManifest manifest = TestManifests.With([TestManifests.Score]);
        var options = new DecisionOptions { DefaultHysteresis = 1.5 };

        var ex = Assert.Throws<AlertRuleException>(() => AlertRules.Resolve(manifest, options));

        Assert.Contains("Decisions:DefaultHysteresis is 1.5", ex.Message, StringComparison.Ordinal);
    }
}
