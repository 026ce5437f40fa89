using EdgeAgent.TestKit;

namespace EdgeAgent.Mqtt.Tests;

/// <summary>A throwaway CA, a broker certificate for 127.0.0.1 and a client certificate, made with the openssl CLI (P-256 keys).</summary>
public sealed class TestCertificates
{
    private static readonly TimeSpan OpensslTimeout = TimeSpan.FromSeconds(30);

    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaFile => Path.Combine(Directory, "ca.crt");

    public string ServerCertFile => Path.Combine(Directory, "server.crt");

    public string ServerKeyFile => Path.Combine(Directory, "server.key");

    public string ClientCertFile => Path.Combine(Directory, "client.crt");

    public string ClientKeyFile => Path.Combine(Directory, "client.key");

    /// <summary>A certificate signed by a different CA than <see cref="CaFile"/>, which the broker must reject.</summary>
    public string RogueCertFile => Path.Combine(Directory, "rogue.crt");

    public string RogueKeyFile => Path.Combine(Directory, "rogue.key");

    public static async Task<TestCertificates> CreateAsync(string directory, string clientCommonName)
    {
        var certificates = new TestCertificates(directory);
        await certificates.MakeCaAsync("ca", "EdgeAgent test CA");
        await certificates.MakeCaAsync("rogue-ca", "Rogue CA");
        await certificates.IssueAsync("server", "127.0.0.1", "ca", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        await certificates.IssueAsync("client", clientCommonName, "ca", "extendedKeyUsage=clientAuth\n");
        await certificates.IssueAsync("rogue", clientCommonName, "rogue-ca", "extendedKeyUsage=clientAuth\n");
        return certificates;
    }

    private Task MakeCaAsync(string name, string commonName) => OpensslAsync(
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", At($"{name}.key"), "-out", At($"{name}.crt"), "-days", "2", "-subj", $"/CN={commonName}",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");

    private async Task IssueAsync(string name, string commonName, string ca, string extensions)
    {
        await File.WriteAllTextAsync(At($"{name}.ext"), extensions);
        await OpensslAsync(
            "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", At($"{name}.key"), "-out", At($"{name}.csr"), "-subj", $"/CN={commonName}");
        await OpensslAsync(
            "x509", "-req", "-in", At($"{name}.csr"), "-CA", At($"{ca}.crt"), "-CAkey", At($"{ca}.key"), "-CAcreateserial",
            "-out", At($"{name}.crt"), "-days", "2", "-extfile", At($"{name}.ext"));
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
