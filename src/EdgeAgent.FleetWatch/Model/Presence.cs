namespace EdgeAgent.FleetWatch.Model;

/// <summary>Whether a device is connected, as its retained status topic and the time since it was last heard from say.</summary>
internal enum Presence
{
    /// <summary>No status seen yet (only other streams, or a cleared status).</summary>
    Unknown,

    /// <summary>Its latest status is a JSON status: the device published it while connected.</summary>
    Online,

    /// <summary>Its latest status is the Last Will (<c>offline</c>): the broker saw the link die or the agent stop.</summary>
    Offline,

    /// <summary>Its status says online, but nothing came from it for longer than the offline-after limit.</summary>
    Silent,
}
