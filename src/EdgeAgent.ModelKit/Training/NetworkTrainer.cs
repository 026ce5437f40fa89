using System.Diagnostics;

namespace EdgeAgent.ModelKit.Training;

/// <summary>
/// Fits a <see cref="DenseNetwork"/> to a <see cref="TrainingSet"/> by mean squared error with Adam on
/// seeded, shuffled mini-batches. Everything runs on the calling thread in a fixed order of float
/// operations, so the same rows, options and seed always give bit-identical weights.
/// </summary>
public static class NetworkTrainer
{
    private const ulong ShuffleStream = 0x5EED_5A5F_F1E5_0001UL;

    /// <summary>Trains a network.</summary>
    /// <param name="training">The rows to fit.</param>
    /// <param name="options">Shape, optimizer, schedule and seed.</param>
    /// <param name="validation">Rows to measure after each epoch (and to pick the best epoch by); optional.</param>
    /// <param name="normalization">The input standardization; by default fitted on <paramref name="training"/>'s inputs.</param>
    public static TrainingResult Train(TrainingSet training, NetworkTrainerOptions options, TrainingSet? validation = null, FeatureNormalization? normalization = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (validation is not null && (validation.InputWidth != training.InputWidth || validation.TargetWidth != training.TargetWidth))
        {
            throw new ArgumentException(
                $"Validation rows have {validation.InputWidth} inputs and {validation.TargetWidth} targets; training rows have {training.InputWidth} and {training.TargetWidth}.",
                nameof(validation));
        }

        long started = Stopwatch.GetTimestamp();
        normalization ??= FeatureNormalization.Fit(training.Inputs, training.Count, training.InputWidth);
        if (normalization.Count != training.InputWidth)
        {
            throw new ArgumentException($"The normalization covers {normalization.Count} features; the rows have {training.InputWidth}.", nameof(normalization));
        }

        float[] inputs = Normalize(training.Inputs, normalization);
        float[]? validationInputs = validation is null ? null : Normalize(validation.Inputs, normalization);
        DenseNetwork network = DenseNetwork.Initialize(normalization, options.HiddenLayers, training.TargetWidth, options.Seed, options.HiddenActivations);
        var optimizer = new AdamOptimizer(network, options);
        var backprop = new Backpropagation(network, Math.Min(options.BatchSize, training.Count));
        var shuffler = new SeededRandom(options.Seed ^ ShuffleStream);
        int[] order = [.. Enumerable.Range(0, training.Count)];
        var epochs = new List<EpochRecord>(options.Epochs);
        DenseNetwork? best = null;
        double bestLoss = double.PositiveInfinity;
        int returnedEpoch = options.Epochs;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            double learningRate = LearningRateAt(options, epoch);
            shuffler.Shuffle(order.AsSpan());
            double squaredErrors = 0;
            for (int start = 0; start < training.Count; start += options.BatchSize)
            {
                int batch = Math.Min(options.BatchSize, training.Count - start);
                squaredErrors += backprop.Gradients(inputs, training.Targets, order.AsSpan(start, batch));
                optimizer.Step(network, backprop.WeightGradients, backprop.BiasGradients, learningRate);
            }

            double trainingLoss = squaredErrors / ((double)training.Count * training.TargetWidth);
            double? validationLoss = null;
            if (validation is not null && validationInputs is not null)
            {
                double loss = MeanSquaredError(network, validationInputs, validation.Targets, validation.Count);
                validationLoss = loss;
                if (options.RestoreBestValidationEpoch && loss < bestLoss)
                {
                    bestLoss = loss;
                    best = network.Clone();
                    returnedEpoch = epoch + 1;
                }
            }

            epochs.Add(new EpochRecord(epoch + 1, learningRate, trainingLoss, validationLoss));
        }

        DenseNetwork result = best ?? network;
        if (best is null)
        {
            returnedEpoch = options.Epochs;
        }

        var log = new TrainingLog(epochs, returnedEpoch, training.Count, validation?.Count ?? 0, Stopwatch.GetElapsedTime(started));
        return new TrainingResult(result, log);
    }

    /// <summary>The mean squared error of a network's outputs on raw rows.</summary>
    public static double MeanSquaredError(DenseNetwork network, TrainingSet rows)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(rows);
        return MeanSquaredError(network, Normalize(rows.Inputs, network.Normalization), rows.Targets, rows.Count);
    }

    private static double LearningRateAt(NetworkTrainerOptions options, int epoch)
    {
        if (options.Epochs == 1)
        {
            return options.LearningRate;
        }

        double progress = (double)epoch / (options.Epochs - 1);
        return options.LearningRate * (1.0 - ((1.0 - options.FinalLearningRateFraction) * progress));
    }

    private static float[] Normalize(float[] rows, FeatureNormalization normalization)
    {
        var normalized = new float[rows.Length];
        int width = normalization.Count;
        for (int start = 0; start < rows.Length; start += width)
        {
            normalization.Apply(rows.AsSpan(start, width), normalized.AsSpan(start, width));
        }

        return normalized;
    }

    private static double MeanSquaredError(DenseNetwork network, float[] normalizedInputs, float[] targets, int count)
    {
        int width = network.Inputs;
        int outputs = network.Outputs;
        var a = new float[network.MaxWidth];
        var b = new float[network.MaxWidth];
        var y = new float[outputs];
        double sum = 0;
        for (int r = 0; r < count; r++)
        {
            normalizedInputs.AsSpan(r * width, width).CopyTo(a);
            network.ForwardNormalized(a, b, y);
            for (int o = 0; o < outputs; o++)
            {
                double d = y[o] - targets[(r * outputs) + o];
                sum += d * d;
            }
        }

        return sum / ((double)count * outputs);
    }
}
