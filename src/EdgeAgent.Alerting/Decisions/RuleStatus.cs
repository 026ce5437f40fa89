using EdgeAgent.Storage;

namespace EdgeAgent.Alerting.Decisions;

/// <summary>One rule as the decision engine sees it, for the local page.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Output">The output it watches.</param>
/// <param name="Severity">The severity of its alert.</param>
/// <param name="State">Where its state machine is.</param>
/// <param name="Since">For <see cref="RuleState.Pending"/> and <see cref="RuleState.Clearing"/>: since when (window time) the condition holds.</param>
public sealed record RuleStatus(string Rule, string Output, AlertSeverity Severity, RuleState State, DateTimeOffset? Since);
