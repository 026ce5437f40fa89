namespace EdgeAgent.ModelKit.Quantization;

/// <summary>
/// A model or its calibration data cannot be quantized: the message says what is wrong and names
/// the node, tensor or input concerned, with what was expected and what was given.
/// </summary>
public sealed class QuantizationException : Exception
{
    public QuantizationException()
    {
    }

    public QuantizationException(string message)
        : base(message)
    {
    }

    public QuantizationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
