namespace EdgeAgent.Inference;

/// <summary>Short names of execution providers and the names ONNX Runtime uses for them.</summary>
public static class ExecutionProviderNames
{
    /// <summary>The CPU provider, always present.</summary>
    public const string Cpu = "CPUExecutionProvider";

    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TensorRT"] = "TensorrtExecutionProvider",
        ["CUDA"] = "CUDAExecutionProvider",
        ["ROCm"] = "ROCMExecutionProvider",
        ["OpenVINO"] = "OpenVINOExecutionProvider",
        ["DNNL"] = "DnnlExecutionProvider",
        ["XNNPACK"] = "XnnpackExecutionProvider",
        ["CoreML"] = "CoreMLExecutionProvider",
        ["NNAPI"] = "NnapiExecutionProvider",
        ["QNN"] = "QNNExecutionProvider",
        ["CPU"] = Cpu,
    };

    /// <summary>Every accepted short name.</summary>
    public static IEnumerable<string> ShortNames => Known.Keys;

    /// <summary>The ONNX Runtime name for a short or full provider name, or null when unknown.</summary>
    public static string? Resolve(string name)
    {
        if (Known.TryGetValue(name, out string? full))
        {
            return full;
        }

        return Known.Values.FirstOrDefault(v => string.Equals(v, name, StringComparison.OrdinalIgnoreCase));
    }
}
