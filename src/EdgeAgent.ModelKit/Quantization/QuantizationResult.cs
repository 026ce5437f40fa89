using Google.Protobuf;
using Proto = global::Onnx;

namespace EdgeAgent.ModelKit.Quantization;

/// <summary>The quantized model and a report of every scale and zero point chosen.</summary>
public sealed class QuantizationResult
{
    internal QuantizationResult(
        Proto.ModelProto model,
        IReadOnlyList<ActivationQuantization> activations,
        IReadOnlyList<WeightQuantization> weights,
        IReadOnlyList<SkippedNode> skippedNodes,
        IReadOnlyList<string> notes,
        bool perChannel,
        int calibrationBatches)
    {
        Model = model;
        Activations = activations;
        Weights = weights;
        SkippedNodes = skippedNodes;
        Notes = notes;
        PerChannel = perChannel;
        CalibrationBatches = calibrationBatches;
    }

    /// <summary>The quantized model in QDQ form.</summary>
    public Proto.ModelProto Model { get; }

    /// <summary>Each quantized activation, in the order the graph first reads it.</summary>
    public IReadOnlyList<ActivationQuantization> Activations { get; }

    /// <summary>Each quantized weight, in the order the graph first reads it.</summary>
    public IReadOnlyList<WeightQuantization> Weights { get; }

    /// <summary>Nodes of a quantized op type left in float, with the reason.</summary>
    public IReadOnlyList<SkippedNode> SkippedNodes { get; }

    /// <summary>Decisions worth knowing, such as an opset upgrade or a fall back to per-tensor weights.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Whether weights got one scale per channel (false when asked for, or forced by an old opset).</summary>
    public bool PerChannel { get; }

    /// <summary>How many calibration batches were run.</summary>
    public int CalibrationBatches { get; }

    /// <summary>The serialized quantized model; the same inputs always give the same bytes.</summary>
    public byte[] ToBytes() => Model.ToByteArray();
}
