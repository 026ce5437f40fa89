namespace EdgeAgent.ModelKit.Quantization;

/// <summary>How one weight initializer was quantized to int8 and how much it lost.</summary>
/// <param name="InitializerName">The float initializer in the original model.</param>
/// <param name="QuantizedName">The int8 initializer that replaces it.</param>
/// <param name="Nodes">The nodes that read it, in graph order.</param>
/// <param name="Axis">The channel axis of a per-channel weight; null when one scale covers the tensor.</param>
/// <param name="Scales">The scale of each channel (one element when per-tensor); zero points are all 0.</param>
/// <param name="MaxAbsWeight">The largest magnitude in the float weight.</param>
/// <param name="MaxAbsError">The largest |w − dequantize(quantize(w))|.</param>
/// <param name="RmsError">The root mean square of w − dequantize(quantize(w)).</param>
public sealed record WeightQuantization(
    string InitializerName,
    string QuantizedName,
    IReadOnlyList<string> Nodes,
    int? Axis,
    IReadOnlyList<float> Scales,
    float MaxAbsWeight,
    float MaxAbsError,
    float RmsError);
