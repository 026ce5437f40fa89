using EdgeAgent.Packaging;

namespace EdgeAgent.ModelKit.Training.Anomaly;

/// <summary>
/// A trained autoencoder anomaly detector. The ONNX model takes raw feature vectors
/// <c>x</c> [batch, <see cref="InputNames"/>.Count] and gives <c>reconstruction</c> [batch, n] (raw units)
/// and <c>score</c> [batch]; a row is an anomaly when score &gt; <see cref="Threshold"/>.
/// </summary>
public sealed record TrainedAnomalyModel
{
    /// <summary>The ONNX model bytes.</summary>
    public required byte[] OnnxModel { get; init; }

    /// <summary>The raw columns read from the data, in input order.</summary>
    public required IReadOnlyList<string> FeatureColumns { get; init; }

    /// <summary>The derived features appended after them, in input order.</summary>
    public required IReadOnlyList<DerivedFeature> DerivedFeatures { get; init; }

    /// <summary>
    /// The feature spec the inputs were computed with from windows of raw samples (then <see cref="FeatureColumns"/> are
    /// its value names); null when the inputs are columns of a table, one row at a time.
    /// </summary>
    public FeatureSpec? WindowFeatures { get; init; }

    /// <summary>Every element of the input vector: the raw columns, then the derived features.</summary>
    public IReadOnlyList<string> InputNames => [.. FeatureColumns, .. DerivedFeatures.Select(d => d.Name)];

    /// <summary>The network, with the per-feature means and deviations of the normal training rows.</summary>
    public required DenseNetwork Network { get; init; }

    /// <summary>The alarm threshold on the score.</summary>
    public required double Threshold { get; init; }

    /// <summary>How <see cref="Threshold"/> was chosen.</summary>
    public required ThresholdRule ThresholdRule { get; init; }

    /// <summary>Normal rows trained on.</summary>
    public required int TrainingRows { get; init; }

    /// <summary>The held-out evaluation; null when no label column was given.</summary>
    public AnomalyEvaluation? Evaluation { get; init; }

    /// <summary>The epochs of the network's training.</summary>
    public required TrainingLog Log { get; init; }

    /// <summary>Wall-clock time of the whole training, including threshold and evaluation.</summary>
    public required TimeSpan TrainingTime { get; init; }

    /// <summary>The score of one raw input vector computed in C# (the same arithmetic as the ONNX graph).</summary>
    public double Score(ReadOnlySpan<float> input) => AnomalyTrainer.Score(Network, input);
}
