namespace EdgeAgent.Fleet.Outbox;

/// <summary>The outbox streams the agent sends, each published to <c>{prefix}/{stream}</c>, and the order they go in.</summary>
public static class UplinkStreams
{
    /// <summary>Raised, acknowledged and cleared alerts. Sent first.</summary>
    public const string Alerts = "alerts";

    /// <summary>Drift reports. Sent after alerts, before predictions.</summary>
    public const string Drift = "drift";

    /// <summary>The device's status; published retained. Sent after alerts, before predictions.</summary>
    public const string Status = "status";

    /// <summary>Batches of predictions. Sent last, and held when the daily byte budget is spent.</summary>
    public const string Predictions = "predictions";

    /// <summary>The order streams are served in: 0 alerts, 1 every other stream, 2 predictions.</summary>
    public static int Priority(string stream) => stream switch
    {
        Alerts => 0,
        Predictions => 2,
        _ => 1,
    };

    /// <summary>Whether the broker keeps the stream's last message for later subscribers (status only).</summary>
    public static bool IsRetained(string stream) => stream == Status;
}
