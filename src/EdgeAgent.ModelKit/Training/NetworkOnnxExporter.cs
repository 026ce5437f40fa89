using EdgeAgent.Onnx.Building;

namespace EdgeAgent.ModelKit.Training;

/// <summary>
/// Writes a <see cref="DenseNetwork"/> as an ONNX model (opset 17, float32): Sub and Mul nodes that
/// standardize the raw input, then Gemm (transB = 1) per layer with Relu after each hidden one. The same
/// network always gives the same bytes.
/// </summary>
public static class NetworkOnnxExporter
{
    /// <summary>The ai.onnx operator set of the exported models.</summary>
    public const long Opset = 17;

    /// <summary>The input of every exported model: raw features, shape [batch, features].</summary>
    public const string InputName = "x";

    /// <summary>The output of a regressor: shape [batch, outputs].</summary>
    public const string RegressorOutputName = "y";

    /// <summary>The autoencoder's reconstruction of the raw input, shape [batch, features], in raw units.</summary>
    public const string ReconstructionOutputName = "reconstruction";

    /// <summary>The autoencoder's anomaly score, shape [batch]: the mean squared reconstruction error in standardized units.</summary>
    public const string ScoreOutputName = "score";

    /// <summary>x [batch, n] → y [batch, k].</summary>
    public static byte[] Regressor(DenseNetwork network, string graphName, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        OnnxGraphBuilder builder = Start(graphName, network, metadata);
        AddNetwork(builder, network, InputName, RegressorOutputName);
        builder.Output(RegressorOutputName, typeof(float), "batch", network.Outputs);
        return builder.ToBytes();
    }

    /// <summary>
    /// x [batch, n] → reconstruction [batch, n] (raw units) and score [batch] =
    /// mean over features of ((x − mean)·scale − r)², where r is the network's standardized reconstruction.
    /// </summary>
    public static byte[] Autoencoder(DenseNetwork network, string graphName, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.Outputs != network.Inputs)
        {
            throw new ArgumentException($"An autoencoder reconstructs its {network.Inputs} inputs but this network has {network.Outputs} outputs.", nameof(network));
        }

        OnnxGraphBuilder builder = Start(graphName, network, metadata);
        const string standardized = "reconstruction_standardized";
        AddNetwork(builder, network, InputName, standardized);
        builder
            .Initializer("norm_std", network.Normalization.StandardDeviation, network.Inputs)
            .Node("Mul", [standardized, "norm_std"], ["reconstruction_scaled"])
            .Node("Add", ["reconstruction_scaled", "norm_mean"], [ReconstructionOutputName])
            .Node("Sub", ["x_standardized", standardized], ["residual"])
            .Node("Mul", ["residual", "residual"], ["residual_squared"])
            .Node("ReduceMean", ["residual_squared"], [ScoreOutputName], new Dictionary<string, object> { ["axes"] = new long[] { 1 }, ["keepdims"] = 0L })
            .Output(ReconstructionOutputName, typeof(float), "batch", network.Inputs)
            .Output(ScoreOutputName, typeof(float), "batch");
        return builder.ToBytes();
    }

    private static OnnxGraphBuilder Start(string graphName, DenseNetwork network, IReadOnlyDictionary<string, string>? metadata)
    {
        ArgumentException.ThrowIfNullOrEmpty(graphName);
        var builder = new OnnxGraphBuilder(graphName, Opset) { ProducerName = "EdgeAgent.ModelKit" };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            builder.Metadata[key] = value;
        }

        builder.Input(InputName, typeof(float), "batch", network.Inputs);
        return builder;
    }

    /// <summary>Adds x_standardized = (x − norm_mean)·norm_scale and the layers, the last one writing <paramref name="output"/>.</summary>
    private static void AddNetwork(OnnxGraphBuilder builder, DenseNetwork network, string input, string output)
    {
        builder
            .Initializer("norm_mean", network.Normalization.Mean, network.Inputs)
            .Initializer("norm_scale", network.Normalization.Scale, network.Inputs)
            .Node("Sub", [input, "norm_mean"], ["x_centered"])
            .Node("Mul", ["x_centered", "norm_scale"], ["x_standardized"]);
        string current = "x_standardized";
        var gemm = new Dictionary<string, object> { ["transB"] = 1L };
        for (int l = 0; l < network.Layers.Count; l++)
        {
            DenseLayer layer = network.Layers[l];
            bool last = l == network.Layers.Count - 1;
            string weights = $"dense{l}_weight";
            string bias = $"dense{l}_bias";
            string sum = last && layer.Activation == LayerActivation.Linear ? output : $"dense{l}_sum";
            builder
                .Initializer(weights, layer.Weights, layer.Outputs, layer.Inputs)
                .Initializer(bias, layer.Bias, layer.Outputs)
                .Node("Gemm", [current, weights, bias], [sum], gemm);
            current = sum;
            if (layer.Activation == LayerActivation.Relu)
            {
                string activated = last ? output : $"dense{l}_relu";
                builder.Node("Relu", [sum], [activated]);
                current = activated;
            }
        }
    }
}
