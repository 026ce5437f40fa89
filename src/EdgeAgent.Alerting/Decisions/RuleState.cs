namespace EdgeAgent.Alerting.Decisions;

/// <summary>Where one rule's state machine is.</summary>
public enum RuleState
{
    /// <summary>No alert; the value is not past the raise threshold.</summary>
    Normal = 0,

    /// <summary>The value has been at or past the raise threshold since <see cref="RuleStatus.Since"/>, not yet for the rule's RaiseAfter.</summary>
    Pending = 1,

    /// <summary>The rule's alert is open.</summary>
    Raised = 2,

    /// <summary>The alert is open and the value has been past the clear threshold since <see cref="RuleStatus.Since"/>, not yet for the rule's ClearAfter.</summary>
    Clearing = 3,
}
