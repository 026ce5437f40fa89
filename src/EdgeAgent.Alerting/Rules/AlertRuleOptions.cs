using EdgeAgent.Storage;

namespace EdgeAgent.Alerting.Rules;

/// <summary>
/// One alert rule on one scalar model output, bound from <c>Decisions:Rules:N</c>. A rule raises its alert when the output
/// has been at or past <see cref="RaiseAt"/> for <see cref="RaiseAfter"/>, and clears it once the output has stayed past
/// <see cref="ClearAt"/> (on the good side) for <see cref="ClearAfter"/>. Values between the two thresholds neither raise nor clear.
/// </summary>
public sealed class AlertRuleOptions
{
    /// <summary>
    /// The rule's name: it identifies the rule's alert in the store across restarts, so keep it stable.
    /// Letters, digits, '.', '-' and '_', at most 64 characters. Required.
    /// </summary>
    public string Name { get; set; } = "";

    /// <summary>The scalar model output the rule watches, such as <c>score</c> or <c>rul</c>. Required.</summary>
    public string Output { get; set; } = "";

    /// <summary>Which side of the threshold is bad. Default <see cref="AlertDirection.Above"/>.</summary>
    public AlertDirection Direction { get; set; } = AlertDirection.Above;

    /// <summary>The threshold that raises the alert (reached counts). A finite number. Required.</summary>
    public double RaiseAt { get; set; } = double.NaN;

    /// <summary>
    /// The threshold the value must get past, on the good side, to clear the alert: at most <see cref="RaiseAt"/> for
    /// <see cref="AlertDirection.Above"/>, at least it for <see cref="AlertDirection.Below"/>. Default (unset): <see cref="RaiseAt"/>
    /// moved towards the good side by <see cref="DecisionOptions.DefaultHysteresis"/> of its magnitude.
    /// </summary>
    public double? ClearAt { get; set; }

    /// <summary>
    /// How long the value must stay at or past <see cref="RaiseAt"/> before the alert is raised; 0 raises on the first such value.
    /// Range 0 to 1 day. Default (unset): <see cref="DecisionOptions.DefaultRaiseAfter"/>.
    /// </summary>
    public TimeSpan? RaiseAfter { get; set; }

    /// <summary>
    /// How long the value must stay past <see cref="ClearAt"/> before the alert is cleared; 0 clears on the first such value.
    /// Range 0 to 1 day. Default (unset): <see cref="DecisionOptions.DefaultClearAfter"/>.
    /// </summary>
    public TimeSpan? ClearAfter { get; set; }

    /// <summary>How urgent the rule's alert is. Default <see cref="AlertSeverity.Warning"/>.</summary>
    public AlertSeverity Severity { get; set; } = AlertSeverity.Warning;

    /// <summary>
    /// What a person reads when the alert is raised. Placeholders: <c>{rule}</c>, <c>{output}</c>, <c>{value}</c>,
    /// <c>{direction}</c>, <c>{threshold}</c>, <c>{clearAt}</c>, <c>{duration}</c> (seconds), <c>{severity}</c>.
    /// Default (unset): "<c>score 4.21 above 3.17 for 2.0 s (rule bearing-warning)</c>".
    /// </summary>
    public string? Text { get; set; }

    /// <summary>A copy, so that resolving defaults never changes bound options.</summary>
    public AlertRuleOptions Clone() => (AlertRuleOptions)MemberwiseClone();
}
