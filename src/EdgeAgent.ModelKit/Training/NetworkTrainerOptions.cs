namespace EdgeAgent.ModelKit.Training;

/// <summary>How <see cref="NetworkTrainer"/> fits a network: shape, Adam settings, schedule and seed.</summary>
public sealed record NetworkTrainerOptions
{
    /// <summary>Widths of the ReLU hidden layers, input side first. Default [64, 32].</summary>
    public IReadOnlyList<int> HiddenLayers { get; init; } = [64, 32];

    /// <summary>
    /// The activation of each hidden layer, as many as <see cref="HiddenLayers"/>; null (the default) makes
    /// them all ReLU. A linear bottleneck in an autoencoder cannot die the way a narrow ReLU layer can.
    /// </summary>
    public IReadOnlyList<LayerActivation>? HiddenActivations { get; init; }

    /// <summary>Passes over the training rows. Default 60. Range 1 to 100,000.</summary>
    public int Epochs { get; init; } = 60;

    /// <summary>Rows per Adam step (the last batch of an epoch may be smaller). Default 64. Range 1 to 65,536.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Adam's step size in the first epoch. Default 0.001. Range (0, 1].</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>
    /// The step size falls linearly, epoch by epoch, from <see cref="LearningRate"/> to this fraction of it
    /// in the last epoch. Default 0.1. Range (0, 1]; 1 keeps it constant.
    /// </summary>
    public double FinalLearningRateFraction { get; init; } = 0.1;

    /// <summary>Adam's first-moment decay. Default 0.9. Range [0, 1).</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam's second-moment decay. Default 0.999. Range [0, 1).</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Adam's denominator guard. Default 1e-8. Range (0, 1).</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>
    /// Decoupled weight decay (AdamW): each step shrinks every weight (not the biases) by the factor
    /// step size × WeightDecay. Default 0. Range [0, 100], with step size × WeightDecay below 1.
    /// </summary>
    public double WeightDecay { get; init; }

    /// <summary>
    /// When validation rows are given, return the weights of the epoch with the lowest validation loss
    /// rather than those of the last epoch. Default true.
    /// </summary>
    public bool RestoreBestValidationEpoch { get; init; } = true;

    /// <summary>Seeds the initial weights and the shuffling of each epoch. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (HiddenLayers is null || HiddenLayers.Any(w => w is < 1 or > 65_536))
        {
            throw new ArgumentException("HiddenLayers must list widths from 1 to 65,536.", nameof(HiddenLayers));
        }

        if (HiddenActivations is not null && (HiddenActivations.Count != HiddenLayers.Count || HiddenActivations.Any(a => !Enum.IsDefined(a))))
        {
            throw new ArgumentException($"HiddenActivations must name one activation for each of the {HiddenLayers.Count} hidden layers.", nameof(HiddenActivations));
        }

        Check(Epochs is >= 1 and <= 100_000, nameof(Epochs), Epochs);
        Check(BatchSize is >= 1 and <= 65_536, nameof(BatchSize), BatchSize);
        Check(LearningRate is > 0 and <= 1, nameof(LearningRate), LearningRate);
        Check(FinalLearningRateFraction is > 0 and <= 1, nameof(FinalLearningRateFraction), FinalLearningRateFraction);
        Check(Beta1 is >= 0 and < 1, nameof(Beta1), Beta1);
        Check(Beta2 is >= 0 and < 1, nameof(Beta2), Beta2);
        Check(Epsilon is > 0 and < 1, nameof(Epsilon), Epsilon);
        Check(WeightDecay is >= 0 and <= 100 && LearningRate * WeightDecay < 1, nameof(WeightDecay), WeightDecay);
    }

    private static void Check(bool ok, string name, object value)
    {
        if (!ok)
        {
            throw new ArgumentException($"{name} = {value} is out of range; see its documentation.", name);
        }
    }
}
