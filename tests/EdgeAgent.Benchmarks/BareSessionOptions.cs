using Microsoft.ML.OnnxRuntime;

namespace EdgeAgent.Benchmarks;

/// <summary>The session options InferenceEngine.Create uses with default InferenceEngineOptions (1 and 1 threads, CPU only).</summary>
internal static class BareSessionOptions
{
    public static SessionOptions Create() => new()
    {
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
    };
}
