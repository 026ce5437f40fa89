namespace EdgeAgent.Agent.Configuration;

/// <summary>Who this device is. Bound from the <c>Agent</c> section.</summary>
public sealed class AgentOptions
{
    public const string SectionName = "Agent";

    /// <summary>The device's id in its fleet: letters, digits, '-', '_' and '.', at most 64. Default: the host name.</summary>
    public string DeviceId { get; set; } = Environment.MachineName;

    /// <summary>The fleet the device belongs to, same characters. Default <c>default</c>.</summary>
    public string Fleet { get; set; } = "default";
}
