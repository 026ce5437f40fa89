using EdgeAgent.Storage;

namespace EdgeAgent.Alerting.Board;

/// <summary>An alert the board tracks, with the changes to it that the store has not taken yet.</summary>
internal sealed class AlertEntry(Alert alert)
{
    /// <summary>The alert as it is now; its id is the store's once written, negative before.</summary>
    public Alert Alert { get; set; } = alert;

    /// <summary>The negative id the alert had before the store took it, if it had one.</summary>
    public long? TemporaryId { get; init; }

    /// <summary>The alert itself is not in the store yet.</summary>
    public bool InsertPending { get; set; }

    /// <summary>Its acknowledgement is not in the store yet.</summary>
    public bool AcknowledgePending { get; set; }

    /// <summary>Its clearing is not in the store yet.</summary>
    public bool ClearPending { get; set; }

    public bool HasPendingWrites => InsertPending || AcknowledgePending || ClearPending;
}
