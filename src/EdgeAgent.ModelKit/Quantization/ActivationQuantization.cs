namespace EdgeAgent.ModelKit.Quantization;

/// <summary>How one activation tensor was quantized: what calibration saw and the parameters chosen.</summary>
/// <param name="TensorName">The float tensor in the original model.</param>
/// <param name="Type">uint8 asymmetric or int8 symmetric.</param>
/// <param name="ValueCount">How many values calibration saw.</param>
/// <param name="ObservedMin">The smallest value seen.</param>
/// <param name="ObservedMax">The largest value seen.</param>
/// <param name="RangeMin">The low end of the range used (after percentile clipping, before 0 is included).</param>
/// <param name="RangeMax">The high end of the range used.</param>
/// <param name="Scale">The QuantizeLinear/DequantizeLinear scale.</param>
/// <param name="ZeroPoint">The zero point (0..255 for uint8, 0 for int8).</param>
public sealed record ActivationQuantization(
    string TensorName,
    ActivationType Type,
    long ValueCount,
    float ObservedMin,
    float ObservedMax,
    float RangeMin,
    float RangeMax,
    float Scale,
    int ZeroPoint);
