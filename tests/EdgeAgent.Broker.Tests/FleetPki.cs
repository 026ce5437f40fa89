using EdgeAgent.TestKit;

namespace EdgeAgent.Broker.Tests;

/// <summary>
/// The fleet CA and the broker certificate, made with the openssl commands of deploy/mosquitto/README.md (P-256 keys, short
/// validity), plus a rogue CA and a client certificate it signed, which the broker must reject.
/// </summary>
public sealed class FleetPki
{
    private static readonly TimeSpan OpensslTimeout = TimeSpan.FromSeconds(30);

    private FleetPki(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaFile => At("ca.crt");

    public string CaKeyFile => At("ca.key");

    /// <summary>The broker certificate, for 127.0.0.1 and localhost.</summary>
    public string BrokerCertFile => At("broker.crt");

    public string BrokerKeyFile => At("broker.key");

    /// <summary>A client certificate with <c>CN=</c> a real device id, signed by a CA the broker does not trust.</summary>
    public string RogueCertFile => At("rogue.crt");

    public string RogueKeyFile => At("rogue.key");

    public static async Task<FleetPki> CreateAsync(string directory, string rogueCommonName)
    {
        System.IO.Directory.CreateDirectory(directory);
        var pki = new FleetPki(directory);
        await pki.MakeCaAsync("ca", "EdgeAgent test fleet CA");
        await pki.MakeCaAsync("rogue-ca", "Rogue CA");
        await pki.IssueAsync(
            "broker", "/O=EdgeAgent/CN=localhost", "ca",
            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n");
        await pki.IssueAsync(
            "rogue", $"/O=EdgeAgent/CN={rogueCommonName}", "rogue-ca",
            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n");
        return pki;
    }

    private Task MakeCaAsync(string name, string commonName) => OpensslAsync(
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", At($"{name}.key"), "-out", At($"{name}.crt"), "-days", "2", "-subj", $"/O=EdgeAgent/CN={commonName}",
        "-addext", "basicConstraints=critical,CA:TRUE,pathlen:0", "-addext", "keyUsage=critical,keyCertSign,cRLSign");

    private async Task IssueAsync(string name, string subject, string ca, string extensions)
    {
        await File.WriteAllTextAsync(At($"{name}.ext"), extensions);
        await OpensslAsync(
            "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", At($"{name}.key"), "-out", At($"{name}.csr"), "-subj", subject);
        await OpensslAsync(
            "x509", "-req", "-in", At($"{name}.csr"), "-CA", At($"{ca}.crt"), "-CAkey", At($"{ca}.key"),
            "-set_serial", $"0x{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))}",
            "-days", "2", "-sha256", "-extfile", At($"{name}.ext"), "-out", At($"{name}.crt"));
    }

    private string At(string file) => Path.Combine(Directory, file);

    private static async Task OpensslAsync(params string[] arguments)
    {
        ProcessResult result = await ProcessRunner.RunAsync("openssl", arguments, OpensslTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.Describe());
        }
    }
}
