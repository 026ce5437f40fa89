namespace EdgeAgent.Alerting.Board;

/// <summary>What happened to an alert.</summary>
public enum AlertChangeKind
{
    /// <summary>A rule raised a new alert.</summary>
    Raised = 0,

    /// <summary>A person acknowledged an open alert.</summary>
    Acknowledged = 1,

    /// <summary>The rule's condition went away and the alert was cleared.</summary>
    Cleared = 2,
}
