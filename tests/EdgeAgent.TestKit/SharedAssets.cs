namespace EdgeAgent.TestKit;

/// <summary>Locates the repository and the read-only data sets and models in <c>../shared</c> beside it.</summary>
public static class SharedAssets
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The repository root (the folder holding EdgeAgent.sln).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The shared folder; <c>EDGEAGENT_SHARED</c> overrides <c>../shared</c>.</summary>
    public static string SharedRoot
    {
        get
        {
            string path = Environment.GetEnvironmentVariable("EDGEAGENT_SHARED") is { Length: > 0 } env
                ? env
                : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException(
                    $"The shared models and data sets are expected at {path} (beside the repository). Set EDGEAGENT_SHARED to their folder.");
            }

            return path;
        }
    }

    public static string Model(params string[] parts) => Existing(Path.Combine([SharedRoot, "models", .. parts]));

    public static string Data(params string[] parts) => Existing(Path.Combine([SharedRoot, "data", .. parts]));

    public static string AutoencoderModel => Model("sensor_autoencoder_mlp", "autoencoder.onnx");

    public static string SileroVadModel => Model("silero_vad_v5", "silero_vad.onnx");

    private static string Existing(string path) =>
        File.Exists(path) || Directory.Exists(path) ? path : throw new FileNotFoundException($"Shared asset not found: {path}", path);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeAgent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"EdgeAgent.sln not found above {AppContext.BaseDirectory}.");
    }
}
