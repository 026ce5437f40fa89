namespace EdgeAgent.ModelKit.Training;

/// <summary>
/// A feed-forward network of dense layers behind an input standardization: the model that
/// <see cref="NetworkTrainer"/> fits and <see cref="NetworkOnnxExporter"/> writes. <c>Forward</c>
/// is the plain C# forward pass of exactly the exported graph.
/// </summary>
public sealed class DenseNetwork
{
    private const int StackLimit = 512;

    public DenseNetwork(FeatureNormalization normalization, IReadOnlyList<DenseLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(normalization);
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        }

        int width = normalization.Count;
        for (int l = 0; l < layers.Count; l++)
        {
            if (layers[l].Inputs != width)
            {
                throw new ArgumentException($"Layer {l} takes {layers[l].Inputs} inputs but receives {width}.", nameof(layers));
            }

            width = layers[l].Outputs;
        }

        Normalization = normalization;
        Layers = layers;
        MaxWidth = Math.Max(Inputs, layers.Max(l => l.Outputs));
    }

    public FeatureNormalization Normalization { get; }

    public IReadOnlyList<DenseLayer> Layers { get; }

    /// <summary>Raw features per row.</summary>
    public int Inputs => Normalization.Count;

    /// <summary>Outputs per row.</summary>
    public int Outputs => Layers[^1].Outputs;

    /// <summary>Weights and biases in all layers.</summary>
    public int ParameterCount => Layers.Sum(l => l.Weights.Length + l.Bias.Length);

    /// <summary>The widest layer output, for scratch buffers.</summary>
    internal int MaxWidth { get; }

    /// <summary>
    /// Creates layers of the given widths with seeded initial weights: He-uniform, U(±√(6/fan_in)),
    /// for ReLU layers and Xavier-uniform, U(±√(6/(fan_in + fan_out))), for linear ones (always the output
    /// layer; hidden layers are ReLU unless <paramref name="hiddenActivations"/> says otherwise); biases 0.
    /// </summary>
    public static DenseNetwork Initialize(
        FeatureNormalization normalization, IReadOnlyList<int> hiddenLayers, int outputs, ulong seed, IReadOnlyList<LayerActivation>? hiddenActivations = null)
    {
        ArgumentNullException.ThrowIfNull(normalization);
        ArgumentNullException.ThrowIfNull(hiddenLayers);
        if (hiddenActivations is not null && hiddenActivations.Count != hiddenLayers.Count)
        {
            throw new ArgumentException($"{hiddenActivations.Count} activations were given for {hiddenLayers.Count} hidden layers.", nameof(hiddenActivations));
        }

        var random = new SeededRandom(seed);
        int[] widths = [normalization.Count, .. hiddenLayers, outputs];
        var layers = new DenseLayer[widths.Length - 1];
        for (int l = 0; l < layers.Length; l++)
        {
            int fanIn = widths[l];
            int fanOut = widths[l + 1];
            bool last = l == layers.Length - 1;
            LayerActivation activation = last ? LayerActivation.Linear : hiddenActivations?[l] ?? LayerActivation.Relu;
            double limit = activation == LayerActivation.Linear ? Math.Sqrt(6.0 / (fanIn + fanOut)) : Math.Sqrt(6.0 / fanIn);
            var weights = new float[fanIn * fanOut];
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = (float)random.Uniform(-limit, limit);
            }

            layers[l] = new DenseLayer(fanIn, fanOut, weights, new float[fanOut], activation);
        }

        return new DenseNetwork(normalization, layers);
    }

    /// <summary>The network's outputs for one row of raw features.</summary>
    public float[] Forward(ReadOnlySpan<float> raw)
    {
        var output = new float[Outputs];
        Forward(raw, output);
        return output;
    }

    /// <summary>The outputs for one row of raw features, written into <paramref name="output"/>.</summary>
    public void Forward(ReadOnlySpan<float> raw, Span<float> output)
    {
        if (raw.Length != Inputs)
        {
            throw new ArgumentException($"The network takes {Inputs} features, not {raw.Length}.", nameof(raw));
        }

        Span<float> a = MaxWidth <= StackLimit ? stackalloc float[MaxWidth] : new float[MaxWidth];
        Span<float> b = MaxWidth <= StackLimit ? stackalloc float[MaxWidth] : new float[MaxWidth];
        Normalization.Apply(raw, a[..Inputs]);
        ForwardNormalized(a, b, output);
    }

    /// <summary>Outputs for many rows (row-major, <see cref="Inputs"/> each).</summary>
    public float[] Predict(ReadOnlySpan<float> rows)
    {
        if (rows.Length % Inputs != 0)
        {
            throw new ArgumentException($"{rows.Length} values are not whole rows of {Inputs} features.", nameof(rows));
        }

        int count = rows.Length / Inputs;
        var outputs = new float[count * Outputs];
        for (int r = 0; r < count; r++)
        {
            Forward(rows.Slice(r * Inputs, Inputs), outputs.AsSpan(r * Outputs, Outputs));
        }

        return outputs;
    }

    /// <summary>
    /// A copy whose outputs are y·<paramref name="scale"/> + <paramref name="offset"/>, folded into the
    /// last layer (used to train on a well-scaled target and export in its real units).
    /// </summary>
    public DenseNetwork WithOutputAffine(float scale, float offset)
    {
        DenseLayer last = Layers[^1];
        if (last.Activation != LayerActivation.Linear)
        {
            throw new InvalidOperationException("Only a linear output layer can absorb an output scale.");
        }

        var weights = new float[last.Weights.Length];
        var bias = new float[last.Bias.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = last.Weights[i] * scale;
        }

        for (int o = 0; o < bias.Length; o++)
        {
            bias[o] = (last.Bias[o] * scale) + offset;
        }

        DenseLayer[] layers = [.. Layers.Take(Layers.Count - 1).Select(l => l.Clone()), new DenseLayer(last.Inputs, last.Outputs, weights, bias, last.Activation)];
        return new DenseNetwork(Normalization, layers);
    }

    /// <summary>A deep copy.</summary>
    public DenseNetwork Clone() => new(Normalization, [.. Layers.Select(l => l.Clone())]);

    /// <summary>Runs the layers on an already normalized row held in <paramref name="a"/> (both scratch spans are overwritten).</summary>
    internal void ForwardNormalized(Span<float> a, Span<float> b, Span<float> output)
    {
        Span<float> current = a;
        Span<float> next = b;
        for (int l = 0; l < Layers.Count; l++)
        {
            DenseLayer layer = Layers[l];
            Span<float> target = l == Layers.Count - 1 ? output : next[..layer.Outputs];
            layer.Forward(current[..layer.Inputs], target);
            Span<float> swap = current;
            current = next;
            next = swap;
        }
    }
}
