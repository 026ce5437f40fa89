using Microsoft.ML.OnnxRuntime;

namespace EdgeAgent.Inference;

/// <summary>
/// The process-wide ONNX Runtime environment. Created here, when nothing created it before, with the
/// runtime's own console logging limited to fatal errors: every failure the engine meets reaches the
/// caller as an exception or a structured log entry with its reason instead.
/// </summary>
internal static class RuntimeEnvironment
{
    private static readonly Lazy<OrtEnv> Env = new(Create);

    public static OrtEnv Instance => Env.Value;

    private static OrtEnv Create()
    {
        if (OrtEnv.IsCreated)
        {
            return OrtEnv.Instance();
        }

        var options = new EnvironmentCreationOptions { logId = "edgeagent", logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        return OrtEnv.CreateInstanceWithOptions(ref options);
    }
}
