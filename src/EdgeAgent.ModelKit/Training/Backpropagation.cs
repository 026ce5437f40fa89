namespace EdgeAgent.ModelKit.Training;

/// <summary>
/// Mean-squared-error gradients of a network over one mini-batch, with buffers reused between batches.
/// Rows are visited in batch order and outputs in index order, so the sums are always formed the same way.
/// </summary>
internal sealed class Backpropagation
{
    private readonly DenseNetwork _network;
    private readonly float[][] _activations;
    private readonly float[][] _deltas;

    public Backpropagation(DenseNetwork network, int maxBatch)
    {
        _network = network;
        int[] widths = [network.Inputs, .. network.Layers.Select(l => l.Outputs)];
        _activations = [.. widths.Select(w => new float[maxBatch * w])];
        _deltas = [.. widths.Select(w => new float[maxBatch * w])];
        WeightGradients = [.. network.Layers.Select(l => new float[l.Weights.Length])];
        BiasGradients = [.. network.Layers.Select(l => new float[l.Bias.Length])];
    }

    /// <summary>∂loss/∂W of each layer after <see cref="Gradients"/>.</summary>
    public float[][] WeightGradients { get; }

    /// <summary>∂loss/∂b of each layer after <see cref="Gradients"/>.</summary>
    public float[][] BiasGradients { get; }

    /// <summary>
    /// Computes the gradients of the batch's mean squared error (mean over rows and outputs) for the rows
    /// <paramref name="rows"/> of the normalized inputs; returns the batch's sum of squared errors.
    /// </summary>
    public double Gradients(float[] normalizedInputs, float[] targets, ReadOnlySpan<int> rows)
    {
        IReadOnlyList<DenseLayer> layers = _network.Layers;
        int batch = rows.Length;
        int inputs = _network.Inputs;
        int outputs = _network.Outputs;
        for (int b = 0; b < batch; b++)
        {
            normalizedInputs.AsSpan(rows[b] * inputs, inputs).CopyTo(_activations[0].AsSpan(b * inputs, inputs));
        }

        for (int l = 0; l < layers.Count; l++)
        {
            DenseLayer layer = layers[l];
            for (int b = 0; b < batch; b++)
            {
                layer.Forward(_activations[l].AsSpan(b * layer.Inputs, layer.Inputs), _activations[l + 1].AsSpan(b * layer.Outputs, layer.Outputs));
            }
        }

        double squaredErrors = 0;
        float gradientScale = 2f / (batch * outputs);
        float[] output = _activations[layers.Count];
        float[] outputDelta = _deltas[layers.Count];
        for (int b = 0; b < batch; b++)
        {
            for (int o = 0; o < outputs; o++)
            {
                float error = output[(b * outputs) + o] - targets[(rows[b] * outputs) + o];
                squaredErrors += (double)error * error;
                outputDelta[(b * outputs) + o] = gradientScale * error;
            }
        }

        for (int l = layers.Count - 1; l >= 0; l--)
        {
            DenseLayer layer = layers[l];
            float[] delta = _deltas[l + 1];
            float[] activation = _activations[l + 1];
            float[] previous = _activations[l];
            float[] weightGradient = WeightGradients[l];
            float[] biasGradient = BiasGradients[l];
            Array.Clear(weightGradient);
            Array.Clear(biasGradient);
            bool propagate = l > 0;
            if (propagate)
            {
                Array.Clear(_deltas[l], 0, batch * layer.Inputs);
            }

            for (int b = 0; b < batch; b++)
            {
                ReadOnlySpan<float> input = previous.AsSpan(b * layer.Inputs, layer.Inputs);
                Span<float> inputDelta = propagate ? _deltas[l].AsSpan(b * layer.Inputs, layer.Inputs) : default;
                for (int o = 0; o < layer.Outputs; o++)
                {
                    int at = (b * layer.Outputs) + o;
                    float d = delta[at];
                    if (layer.Activation == LayerActivation.Relu && !(activation[at] > 0))
                    {
                        continue;
                    }

                    if (d == 0)
                    {
                        continue;
                    }

                    DenseMath.AddScaled(weightGradient.AsSpan(o * layer.Inputs, layer.Inputs), d, input);
                    biasGradient[o] += d;
                    if (propagate)
                    {
                        DenseMath.AddScaled(inputDelta, d, layer.Weights.AsSpan(o * layer.Inputs, layer.Inputs));
                    }
                }
            }
        }

        return squaredErrors;
    }
}
