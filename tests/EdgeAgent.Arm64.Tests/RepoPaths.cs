using EdgeAgent.TestKit;

namespace EdgeAgent.Arm64.Tests;

/// <summary>Paths in the repository that these tests need.</summary>
internal static class RepoPaths
{
    public static string Root => SharedAssets.RepositoryRoot;

    public static string OnnxRuntimeArtifacts => Path.Combine(Root, "artifacts", "onnxruntime");

    public static string OnnxRuntimeInclude => Path.Combine(OnnxRuntimeArtifacts, "include");

    public static string OnnxRuntimeLibrary(string rid) => Path.Combine(OnnxRuntimeArtifacts, "native", rid, "libonnxruntime.so");

    public static string HarnessSource => Path.Combine(Root, "tests", "EdgeAgent.Arm64.Tests", "harness", "ort_run.c");
}
