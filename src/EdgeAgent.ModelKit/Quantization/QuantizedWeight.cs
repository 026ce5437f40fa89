namespace EdgeAgent.ModelKit.Quantization;

/// <summary>A weight quantized to symmetric int8, with its scales and what it lost.</summary>
/// <param name="Values">The int8 codes, in the float tensor's order.</param>
/// <param name="Scales">One scale per channel (one in all when per-tensor).</param>
/// <param name="MaxAbsWeight">The largest magnitude of the float weight.</param>
/// <param name="MaxAbsError">The largest |w − q × scale|.</param>
/// <param name="RmsError">The root mean square of w − q × scale.</param>
internal sealed record QuantizedWeight(sbyte[] Values, float[] Scales, float MaxAbsWeight, float MaxAbsError, float RmsError);
