namespace EdgeAgent.Alerting.Board;

/// <summary>What <see cref="AlertBoard.Acknowledge"/> did.</summary>
public enum AcknowledgeResult
{
    /// <summary>The alert was raised and is now acknowledged.</summary>
    Acknowledged = 0,

    /// <summary>No alert has this id.</summary>
    NotFound = 1,

    /// <summary>The alert was already acknowledged; nothing changed.</summary>
    AlreadyAcknowledged = 2,

    /// <summary>The alert has cleared; nothing changed.</summary>
    AlreadyCleared = 3,
}
