using EdgeAgent.TestKit;

namespace EdgeAgent.Broker.Tests;

/// <summary>The committed broker deployment in <c>deploy/mosquitto/</c>: the tests run these files, not copies of them.</summary>
public static class DeployFiles
{
    public static string Folder => Path.Combine(SharedAssets.RepositoryRoot, "deploy", "mosquitto");

    public static string Config => Existing("mosquitto.conf");

    public static string Acl => Existing("acl");

    public static string ProvisionScript => Existing("provision-device.sh");

    private static string Existing(string name)
    {
        string path = Path.Combine(Folder, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"The committed broker file {path} is missing.", path);
    }
}
