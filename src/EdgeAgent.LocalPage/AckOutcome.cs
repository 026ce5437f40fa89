namespace EdgeAgent.LocalPage;

/// <summary>What came of acknowledging an alert.</summary>
public enum AckOutcome
{
    /// <summary>It was raised and is now acknowledged.</summary>
    Acknowledged = 0,

    /// <summary>There is no alert with that id.</summary>
    NotFound = 1,

    /// <summary>Someone acknowledged it before.</summary>
    AlreadyAcknowledged = 2,

    /// <summary>Its condition is gone; it is cleared.</summary>
    AlreadyCleared = 3,
}
