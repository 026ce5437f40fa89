namespace EdgeAgent.Alerting.Rules;

/// <summary>How model outputs become alerts. Bound from the <c>Decisions</c> configuration section.</summary>
public sealed class DecisionOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Decisions";

    /// <summary>Rules configured on the device, in addition to (or, with <see cref="UsePackageRules"/> false, instead of) the package's. Default none.</summary>
    public List<AlertRuleOptions> Rules { get; set; } = [];

    /// <summary>
    /// Whether each alert threshold in the model package's manifest becomes a rule, named <c>output-severity</c>
    /// (for example <c>score-warning</c>). Default true.
    /// </summary>
    public bool UsePackageRules { get; set; } = true;

    /// <summary>
    /// For rules without <see cref="AlertRuleOptions.ClearAt"/> (and every package rule): the hysteresis band as a
    /// fraction of the threshold's magnitude, so 0.1 clears an Above rule at 3.5 once the value is under 3.15.
    /// Default 0.1. Range 0 (no band) to below 1.
    /// </summary>
    public double DefaultHysteresis { get; set; } = 0.1;

    /// <summary>For rules without <see cref="AlertRuleOptions.RaiseAfter"/>. Default 10 s. Range 0 to 1 day.</summary>
    public TimeSpan DefaultRaiseAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>For rules without <see cref="AlertRuleOptions.ClearAfter"/>. Default 30 s. Range 0 to 1 day.</summary>
    public TimeSpan DefaultClearAfter { get; set; } = TimeSpan.FromSeconds(30);
}
