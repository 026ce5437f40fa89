namespace EdgeAgent.ModelKit.Training;

/// <summary>
/// One fully connected layer, y = act(W·x + b), with float32 weights stored row-major as
/// [<see cref="Outputs"/>, <see cref="Inputs"/>]: the layout of ONNX Gemm's B with transB = 1.
/// </summary>
public sealed class DenseLayer
{
    public DenseLayer(int inputs, int outputs, float[] weights, float[] bias, LayerActivation activation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        if (weights.Length != inputs * outputs)
        {
            throw new ArgumentException($"A {inputs}→{outputs} layer needs {inputs * outputs} weights, not {weights.Length}.", nameof(weights));
        }

        if (bias.Length != outputs)
        {
            throw new ArgumentException($"A layer with {outputs} outputs needs {outputs} biases, not {bias.Length}.", nameof(bias));
        }

        Inputs = inputs;
        Outputs = outputs;
        Weights = weights;
        Bias = bias;
        Activation = activation;
    }

    public int Inputs { get; }

    public int Outputs { get; }

    /// <summary>Row o holds the weights of output o.</summary>
    public float[] Weights { get; }

    public float[] Bias { get; }

    public LayerActivation Activation { get; }

    /// <summary>A deep copy.</summary>
    public DenseLayer Clone() => new(Inputs, Outputs, (float[])Weights.Clone(), (float[])Bias.Clone(), Activation);

    /// <summary>Computes one row: <paramref name="output"/> = act(W·<paramref name="input"/> + b).</summary>
    internal void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int o = 0; o < Outputs; o++)
        {
            float z = Bias[o] + DenseMath.Dot(Weights.AsSpan(o * Inputs, Inputs), input);
            output[o] = Activation == LayerActivation.Relu && z < 0 ? 0 : z;
        }
    }
}
