using EdgeAgent.ModelKit.Training.Features;

namespace EdgeAgent.ModelKit.Training.Rul;

/// <summary>How <see cref="RulTrainer"/> builds a remaining-useful-life regressor from C-MAPSS runs to failure.</summary>
public sealed record RulTrainingOptions
{
    /// <summary>The 14 FD001 sensors that vary with degradation (the other seven and op3 are constant or nearly).</summary>
    public static readonly IReadOnlyList<string> InformativeSensors =
        ["s2", "s3", "s4", "s7", "s8", "s9", "s11", "s12", "s13", "s14", "s15", "s17", "s20", "s21"];

    /// <summary>
    /// The default input vector: for each informative sensor (in the order above) over a 30-cycle window
    /// advancing one cycle at a time, the mean, the EWMA with α = 0.1 and the least-squares slope: 42 numbers.
    /// </summary>
    public static WindowFeatureSpec DefaultFeatures { get; } = WindowFeatureSpec.PerChannel(
        InformativeSensors,
        [(WindowStatistic.Mean, 0), (WindowStatistic.Ewma, 0.1), (WindowStatistic.Slope, 0)],
        windowLength: 30);

    /// <summary>The input vector. Default <see cref="DefaultFeatures"/>.</summary>
    public WindowFeatureSpec Features { get; init; } = DefaultFeatures;

    /// <summary>The RUL target is min(cycles remaining, cap). Default 125. Range (0, 10,000].</summary>
    public double RulCap { get; init; } = RulTarget.DefaultCap;

    /// <summary>
    /// The network and its training. Default: hidden layers (32, 16), 60 epochs, batch 64, Adam step 0.001
    /// falling linearly to 0.0001, decoupled weight decay 0.9, seed 1 (chosen on a validation split of
    /// the training engines).
    /// </summary>
    public NetworkTrainerOptions Network { get; init; } = new()
    {
        HiddenLayers = [32, 16],
        Epochs = 60,
        BatchSize = 64,
        LearningRate = 1e-3,
        FinalLearningRateFraction = 0.1,
        WeightDecay = 0.9,
        Seed = 1,
    };

    /// <summary>
    /// Fraction of the training engines (whole units, chosen with the network seed) held out to validate
    /// each epoch; their windows are not trained on. Default 0: train on every engine. Range [0, 0.9].
    /// </summary>
    public double ValidationFraction { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Features, nameof(Features));
        ArgumentNullException.ThrowIfNull(Network, nameof(Network));
        Features.Validate();
        Network.Validate();
        if (RulCap is not (> 0 and <= 10_000))
        {
            throw new ArgumentException($"RulCap = {RulCap} is out of range (0, 10,000].", nameof(RulCap));
        }

        if (ValidationFraction is not (>= 0 and <= 0.9))
        {
            throw new ArgumentException($"ValidationFraction = {ValidationFraction} is out of range [0, 0.9].", nameof(ValidationFraction));
        }
    }
}
