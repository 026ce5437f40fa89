namespace EdgeAgent.Alerting.Rules;

/// <summary>Which side of the threshold is the bad one.</summary>
public enum AlertDirection
{
    /// <summary>A value at or above <see cref="AlertRuleOptions.RaiseAt"/> is bad (an anomaly score).</summary>
    Above = 0,

    /// <summary>A value at or below <see cref="AlertRuleOptions.RaiseAt"/> is bad (remaining useful life).</summary>
    Below = 1,
}
