namespace EdgeAgent.ModelKit.Quantization;

/// <summary>How the range of each activation is chosen from the values seen during calibration.</summary>
public enum CalibrationMethod
{
    /// <summary>The smallest and largest values seen.</summary>
    MinMax,

    /// <summary>
    /// The range that holds <see cref="QuantizationOptions.Percentile"/> percent of the values seen: the
    /// rest, outliers, are clipped. Asymmetric activations clip half of the remainder at each end;
    /// symmetric ones clip by magnitude.
    /// </summary>
    Percentile,
}
