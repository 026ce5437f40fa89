using EdgeAgent.Storage;

namespace EdgeAgent.LocalPage;

/// <summary>Acknowledges alerts in the store directly; the default <see cref="IAlertActions"/>.</summary>
public sealed class StoreAlertActions(EdgeStore store) : IAlertActions
{
    /// <inheritdoc />
    public AckOutcome Acknowledge(long alertId, string actor)
    {
        if (store.AcknowledgeAlert(alertId))
        {
            return AckOutcome.Acknowledged;
        }

        return store.GetAlert(alertId) switch
        {
            null => AckOutcome.NotFound,
            { State: AlertState.Cleared } => AckOutcome.AlreadyCleared,
            _ => AckOutcome.AlreadyAcknowledged,
        };
    }
}
