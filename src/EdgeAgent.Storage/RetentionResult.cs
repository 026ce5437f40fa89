namespace EdgeAgent.Storage;

/// <summary>What one retention pass did.</summary>
/// <param name="BytesBefore">Database and log size before, in bytes.</param>
/// <param name="BytesAfter">Database and log size after, in bytes.</param>
/// <param name="SentOutboxDropped">Delivered outbox rows dropped.</param>
/// <param name="PredictionsThinned">Predictions removed by thinning.</param>
/// <param name="PredictionsDropped">Oldest predictions dropped.</param>
/// <param name="AlertsDropped">Cleared alerts dropped.</param>
/// <param name="UnderCap">True when the store ended at or under its cap.</param>
public sealed record RetentionResult(
    long BytesBefore,
    long BytesAfter,
    long SentOutboxDropped,
    long PredictionsThinned,
    long PredictionsDropped,
    long AlertsDropped,
    bool UnderCap)
{
    /// <summary>Rows removed in all.</summary>
    public long RowsRemoved => SentOutboxDropped + PredictionsThinned + PredictionsDropped + AlertsDropped;
}
