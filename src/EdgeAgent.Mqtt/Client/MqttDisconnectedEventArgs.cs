namespace EdgeAgent.Mqtt.Client;

/// <summary>A connection was lost, or a connection attempt failed; the client tries again after <see cref="RetryDelay"/>.</summary>
public sealed class MqttDisconnectedEventArgs(bool wasConnected, string reason, int? reasonCode, TimeSpan retryDelay) : EventArgs
{
    /// <summary>True when an accepted connection was lost; false when an attempt failed before the broker accepted it.</summary>
    public bool WasConnected { get; } = wasConnected;

    /// <summary>What happened, for people: "Not authorized", "Connection refused", "The connection was lost." and so on.</summary>
    public string Reason { get; } = reason;

    /// <summary>The MQTT 5 reason code when the broker refused the CONNECT; otherwise null.</summary>
    public int? ReasonCode { get; } = reasonCode;

    /// <summary>How long the client waits before the next attempt (exponential backoff with jitter).</summary>
    public TimeSpan RetryDelay { get; } = retryDelay;
}
