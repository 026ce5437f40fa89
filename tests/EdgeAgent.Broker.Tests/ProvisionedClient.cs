namespace EdgeAgent.Broker.Tests;

/// <summary>What provision-device.sh left for one client in its output folder: CA copy, certificate, key and password.</summary>
public sealed record ProvisionedClient(string Id, string Directory, string Password)
{
    public string CaFile => Path.Combine(Directory, "ca.crt");

    public string CertFile => Path.Combine(Directory, "client.crt");

    public string KeyFile => Path.Combine(Directory, "client.key");

    public static ProvisionedClient Read(string outDirectory, string id)
    {
        string directory = Path.Combine(outDirectory, id);
        return new ProvisionedClient(id, directory, File.ReadAllText(Path.Combine(directory, "password")).TrimEnd('\n'));
    }
}
