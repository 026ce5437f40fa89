namespace EdgeAgent.Broker.Tests;

/// <summary>Where a test keeps what the committed mosquitto.conf expects in /etc/mosquitto/edgeagent/.</summary>
public sealed record BrokerFiles(string CaFile, string CertFile, string KeyFile, string PasswordFile, string AclFile)
{
    /// <summary>The README's layout: everything in one folder, under the names mosquitto.conf uses.</summary>
    public static BrokerFiles In(string folder) => new(
        Path.Combine(folder, "ca.crt"),
        Path.Combine(folder, "broker.crt"),
        Path.Combine(folder, "broker.key"),
        Path.Combine(folder, "passwd"),
        Path.Combine(folder, "acl"));
}
