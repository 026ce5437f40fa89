namespace EdgeAgent.ModelKit.Quantization;

/// <summary>How activations (the float tensors flowing between nodes) are stored once quantized.</summary>
public enum ActivationType
{
    /// <summary>
    /// uint8, asymmetric: the calibrated range, widened to include 0, is mapped onto 0..255 with a zero
    /// point, so real 0 is represented exactly. Suits ReLU outputs and is what most CPU kernels expect.
    /// </summary>
    UInt8Asymmetric,

    /// <summary>int8, symmetric: zero point 0, scale = max|x| / 127.</summary>
    Int8Symmetric,
}
