using EdgeAgent.TestKit;

namespace EdgeAgent.Build.Tests;

/// <summary>
/// eng/fetch-onnxruntime.sh, run with a PATH whose <c>npm</c> is missing or replaced by a stand-in,
/// so no registry is asked.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FetchScriptTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("edgeagent-fetch-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string Script => Path.Combine(SharedAssets.RepositoryRoot, "eng", "fetch-onnxruntime.sh");

    // A PATH with the tools the script needs and, when given, a stand-in npm.
    private string ToolPath(string? npmScript)
    {
        string bin = Path.Combine(_work, "bin");
        Directory.CreateDirectory(bin);
        foreach (string tool in new[] { "bash", "cat", "cut", "tail", "tar", "gzip", "sha256sum", "mktemp", "rm", "mv", "mkdir", "cp", "flock", "dirname" })
        {
            string? found = new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
            if (found is not null && !File.Exists(Path.Combine(bin, tool)))
            {
                File.CreateSymbolicLink(Path.Combine(bin, tool), found);
            }
        }

        if (npmScript is not null)
        {
            string npm = Path.Combine(bin, "npm");
            File.WriteAllText(npm, "#!/bin/bash\n" + npmScript);
            File.SetUnixFileMode(npm, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return bin;
    }

    private static async Task<(int Code, string Output)> RunAsync(string dest, string path)
    {
        ProcessResult run = await ProcessRunner.RunAsync("/bin/bash", [Script, dest], TimeSpan.FromMinutes(2), new Dictionary<string, string?> { ["PATH"] = path });
        return (run.ExitCode, run.Output);
    }

    [Fact]
    public async Task Fetch_NoNpm_FailsSayingWhatIsMissing()
    {
        var (code, output) = await RunAsync(Path.Combine(_work, "deps"), ToolPath(npmScript: null));

        Assert.NotEqual(0, code);
        Assert.Contains("error: onnxruntime fetch: npm is not installed", output, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y npm", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_RegistryUnreachable_FailsNamingThePackage()
    {
        string npm = "if [ \"$1\" = pack ]; then echo 'npm error code ENOTFOUND' >&2; exit 1; fi\necho https://registry.example/\n";

        var (code, output) = await RunAsync(Path.Combine(_work, "deps"), ToolPath(npm));

        Assert.NotEqual(0, code);
        Assert.Contains("could not fetch com.github.asus4.onnxruntime@0.4.9 from the npm registry", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_work, "deps", "managed")));
    }

    [Fact]
    public async Task Fetch_TarballWithWrongChecksum_IsRefused()
    {
        // A stand-in npm that "packs" a tarball with other content.
        string npm = "mkdir -p package && echo tampered > package/x && tar -czf evil.tgz package && echo evil.tgz\n";

        var (code, output) = await RunAsync(Path.Combine(_work, "deps"), ToolPath(npm));

        Assert.NotEqual(0, code);
        Assert.Contains("SHA-256 mismatch: expected e59788788818fdde1b2e522e766a21ba0f7d8391de55737abf81e32cc801785d", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work, "deps", ".complete")));
    }

    [Fact]
    public async Task Fetch_AlreadyLaidOut_DoesNotFetchAgain()
    {
        // The build laid out artifacts/onnxruntime; with no npm at all the script must still succeed.
        string dest = Path.Combine(SharedAssets.RepositoryRoot, "artifacts", "onnxruntime");
        Assert.True(File.Exists(Path.Combine(dest, ".complete")), "the build should have fetched ONNX Runtime");

        var (code, output) = await RunAsync(dest, ToolPath(npmScript: null));

        Assert.True(code == 0, output);
        Assert.DoesNotContain("npm pack", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dest, "native", "linux-arm64", "libonnxruntime.so")));
        Assert.True(File.Exists(Path.Combine(dest, "native", "linux-x64", "libonnxruntime.so")));
    }
}
