using EdgeAgent.ModelKit.Training.Features;

namespace EdgeAgent.ModelKit.Training.Rul;

/// <summary>A trained RUL regressor: the ONNX model (raw feature vector in, RUL in cycles out) and what produced it.</summary>
public sealed record TrainedRulModel
{
    /// <summary>The ONNX model: input <c>x</c> [batch, features] of raw feature values, output <c>y</c> [batch, 1] in cycles.</summary>
    public required byte[] OnnxModel { get; init; }

    /// <summary>How the input vector is computed from the sensor window.</summary>
    public required WindowFeatureSpec Features { get; init; }

    /// <summary>The network, output already in cycles, with its input standardization (fitted on the training engines only).</summary>
    public required DenseNetwork Network { get; init; }

    /// <summary>The cap of the RUL target.</summary>
    public required double RulCap { get; init; }

    /// <summary>Engines trained on.</summary>
    public required IReadOnlyList<int> TrainingUnits { get; init; }

    /// <summary>Engines held out for validation (empty when none).</summary>
    public required IReadOnlyList<int> ValidationUnits { get; init; }

    /// <summary>RMSE in cycles over every window of the validation engines against the capped target; null without them.</summary>
    public double? ValidationRmse { get; init; }

    /// <summary>The epochs of the network's training.</summary>
    public required TrainingLog Log { get; init; }

    /// <summary>Wall-clock time of the whole training: reading, windowing, fitting and export.</summary>
    public required TimeSpan TrainingTime { get; init; }
}
