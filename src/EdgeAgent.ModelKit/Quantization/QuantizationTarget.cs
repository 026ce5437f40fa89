using Proto = global::Onnx;

namespace EdgeAgent.ModelKit.Quantization;

/// <summary>A node to quantize: its float activation input (input 0) and its weight initializer (input 1).</summary>
/// <param name="Node">The node, in the model being rewritten.</param>
/// <param name="Activation">The activation tensor it reads.</param>
/// <param name="Weight">The weight initializer it reads.</param>
/// <param name="Axis">The weight's output-channel axis, or null for one scale per tensor.</param>
internal sealed record QuantizationTarget(Proto.NodeProto Node, string Activation, Proto.TensorProto Weight, int? Axis);
