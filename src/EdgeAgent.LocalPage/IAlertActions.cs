namespace EdgeAgent.LocalPage;

/// <summary>
/// What the local page may do to alerts. <see cref="StoreAlertActions"/> is the default; the agent replaces it
/// with its alert board so that an acknowledgement reaches the board as well as the store.
/// </summary>
public interface IAlertActions
{
    /// <summary>Acknowledges a raised alert on behalf of <paramref name="actor"/> (who, for the log).</summary>
    AckOutcome Acknowledge(long alertId, string actor);
}
