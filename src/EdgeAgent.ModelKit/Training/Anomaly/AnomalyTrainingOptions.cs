namespace EdgeAgent.ModelKit.Training.Anomaly;

/// <summary>How <see cref="AnomalyTrainer"/> builds an autoencoder anomaly detector.</summary>
public sealed record AnomalyTrainingOptions
{
    /// <summary>
    /// The autoencoder between input and a linear output as wide as the input. Default: ReLU 16 → linear
    /// bottleneck 2 → ReLU 16; 100 epochs, batch 64, Adam 0.002 falling to 0.0002, weight decay 1, seed 1.
    /// </summary>
    public NetworkTrainerOptions Network { get; init; } = new()
    {
        HiddenLayers = [16, 2, 16],
        HiddenActivations = [LayerActivation.Relu, LayerActivation.Linear, LayerActivation.Relu],
        Epochs = 100,
        BatchSize = 64,
        LearningRate = 2e-3,
        FinalLearningRateFraction = 0.1,
        WeightDecay = 1,
        Seed = 1,
    };

    /// <summary>Features computed from two columns and appended after the raw ones, in order. Default none.</summary>
    public IReadOnlyList<DerivedFeature> DerivedFeatures { get; init; } = [];

    /// <summary>
    /// With a label column: the fraction of normal rows trained on (chosen by a seeded shuffle with the
    /// network seed); the other normal rows and every anomalous row are held out for evaluation. Without a
    /// label column every row is trained on. Default 0.7. Range (0, 1].
    /// </summary>
    public double TrainFraction { get; init; } = 0.7;

    /// <summary>How the alarm threshold is set. Default: the 99th percentile of the training scores.</summary>
    public ThresholdRule ThresholdRule { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Network, nameof(Network));
        ArgumentNullException.ThrowIfNull(DerivedFeatures, nameof(DerivedFeatures));
        ArgumentNullException.ThrowIfNull(ThresholdRule, nameof(ThresholdRule));
        Network.Validate();
        if (TrainFraction is not (> 0 and <= 1))
        {
            throw new ArgumentException($"TrainFraction = {TrainFraction} is out of range (0, 1].", nameof(TrainFraction));
        }

        if (ThresholdRule.Percentile is not (> 0 and <= 100))
        {
            throw new ArgumentException($"ThresholdRule.Percentile = {ThresholdRule.Percentile} is out of range (0, 100].", nameof(ThresholdRule));
        }
    }
}
