namespace EdgeAgent.Inference;

/// <summary>How the engine runs a model. Bound from the <c>Inference</c> configuration section.</summary>
public sealed class InferenceEngineOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Inference";

    /// <summary>
    /// Threads used inside one operator. Default 1: small sensor models run fastest on one thread
    /// and leave the other cores to sensing. 0 lets ONNX Runtime choose. Range 0 to 256.
    /// </summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Threads used to run independent operators in parallel. Default 1. Range 0 to 256.</summary>
    public int InterOpThreads { get; set; } = 1;

    /// <summary>
    /// Execution providers in order of preference; each one the native library lacks, or that fails
    /// to start, is skipped with a logged reason. CPU is always the last resort.
    /// Known names: TensorRT, CUDA, ROCm, OpenVINO, DNNL, XNNPACK, CoreML, NNAPI, QNN, CPU
    /// (or their ONNX Runtime names such as CUDAExecutionProvider). Default: empty, which means CPU only
    /// (a default list would be merged with the configured one by the configuration binder).
    /// </summary>
    public IList<string> ExecutionProviders { get; set; } = [];

    /// <summary>
    /// Recurrent state carried by <see cref="InferenceRunner"/>: output name → input name it feeds on the
    /// next call. When empty, pairs are found by name: an output <c>X</c> + <c>N</c>, <c>_out</c>,
    /// <c>_next</c> or <c>_new</c> feeds input <c>X</c> (Silero VAD: <c>stateN</c> → <c>state</c>). Default: empty.
    /// </summary>
    public IDictionary<string, string> RecurrentState { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
