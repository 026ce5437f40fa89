namespace EdgeAgent.Storage;

/// <summary>How urgent an alert is.</summary>
public enum AlertSeverity
{
    /// <summary>Worth a look.</summary>
    Info = 0,

    /// <summary>Needs attention soon.</summary>
    Warning = 1,

    /// <summary>Needs attention now.</summary>
    Critical = 2,
}

/// <summary>Where an alert is in its life: raised, acknowledged by a person, cleared.</summary>
public enum AlertState
{
    /// <summary>Raised and not yet seen.</summary>
    Raised = 0,

    /// <summary>Seen by someone; still open.</summary>
    Acknowledged = 1,

    /// <summary>The condition is gone; retention may drop it after predictions.</summary>
    Cleared = 2,
}

/// <summary>A stored alert.</summary>
/// <param name="Id">Store id; never reused.</param>
/// <param name="Rule">The rule that raised it.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="State">Raised, acknowledged or cleared.</param>
/// <param name="Text">What a person reads.</param>
/// <param name="RaisedAt">When it was raised.</param>
/// <param name="AcknowledgedAt">When it was acknowledged, if it was.</param>
/// <param name="ClearedAt">When it was cleared, if it was.</param>
public sealed record Alert(
    long Id,
    string Rule,
    AlertSeverity Severity,
    AlertState State,
    string Text,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ClearedAt)
{
    /// <summary>True while the alert is raised or acknowledged; open alerts are never dropped.</summary>
    public bool IsOpen => State != AlertState.Cleared;
}
