using EdgeAgent.Alerting.Board;
using EdgeAgent.LocalPage;

namespace EdgeAgent.Agent.Decisions;

/// <summary>Acknowledgements from the local page go through the alert board, so lamps and buzzers follow at once.</summary>
internal sealed class BoardAlertActions(AlertBoard board) : IAlertActions
{
    public AckOutcome Acknowledge(long alertId, string actor) => board.Acknowledge(alertId, actor) switch
    {
        AcknowledgeResult.Acknowledged => AckOutcome.Acknowledged,
        AcknowledgeResult.AlreadyAcknowledged => AckOutcome.AlreadyAcknowledged,
        AcknowledgeResult.AlreadyCleared => AckOutcome.AlreadyCleared,
        _ => AckOutcome.NotFound,
    };
}
