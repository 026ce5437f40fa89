namespace EdgeAgent.ModelKit.Quantization;

/// <summary>How <see cref="StaticQuantizer"/> quantizes a model.</summary>
public sealed class QuantizationOptions
{
    /// <summary>The op types quantized when <see cref="OpTypes"/> is not changed.</summary>
    public static IReadOnlyList<string> SupportedOpTypes { get; } = ["Conv", "Gemm", "MatMul"];

    /// <summary>How activations are quantized. Default <see cref="ActivationType.UInt8Asymmetric"/>.</summary>
    public ActivationType ActivationType { get; set; } = ActivationType.UInt8Asymmetric;

    /// <summary>How activation ranges are chosen. Default <see cref="CalibrationMethod.MinMax"/>.</summary>
    public CalibrationMethod Calibration { get; set; } = CalibrationMethod.MinMax;

    /// <summary>
    /// The percentage of calibration values kept inside the range when <see cref="Calibration"/> is
    /// <see cref="CalibrationMethod.Percentile"/>. Default 99.99. Range 50 to 100 (100 is MinMax).
    /// </summary>
    public double Percentile { get; set; } = 99.99;

    /// <summary>
    /// One scale per output channel of each weight (needs ai.onnx opset 13 or later) rather than one
    /// per weight tensor. Default true.
    /// </summary>
    public bool PerChannel { get; set; } = true;

    /// <summary>
    /// The op types whose weight and activation inputs are quantized; each must be one of
    /// <see cref="SupportedOpTypes"/>. Default: Conv, Gemm and MatMul.
    /// </summary>
    public IList<string> OpTypes { get; set; } = [.. SupportedOpTypes];

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    internal void Validate()
    {
        if (!Enum.IsDefined(ActivationType))
        {
            throw new ArgumentException($"ActivationType {ActivationType} is not one of {string.Join(", ", Enum.GetNames<ActivationType>())}.", nameof(ActivationType));
        }

        if (!Enum.IsDefined(Calibration))
        {
            throw new ArgumentException($"Calibration {Calibration} is not one of {string.Join(", ", Enum.GetNames<CalibrationMethod>())}.", nameof(Calibration));
        }

        if (!(Percentile >= 50 && Percentile <= 100))
        {
            throw new ArgumentException($"Percentile must be between 50 and 100; it is {Percentile}.", nameof(Percentile));
        }

        if (OpTypes is null || OpTypes.Count == 0)
        {
            throw new ArgumentException($"OpTypes must name at least one of {string.Join(", ", SupportedOpTypes)}.", nameof(OpTypes));
        }

        foreach (string opType in OpTypes)
        {
            if (!SupportedOpTypes.Contains(opType, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Op type '{opType}' cannot be quantized; the supported op types are {string.Join(", ", SupportedOpTypes)}.", nameof(OpTypes));
            }
        }
    }
}
