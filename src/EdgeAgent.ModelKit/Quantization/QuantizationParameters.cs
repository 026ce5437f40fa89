namespace EdgeAgent.ModelKit.Quantization;

/// <summary>A scale and zero point: real = (q − ZeroPoint) × Scale.</summary>
internal readonly record struct QuantizationParameters(float Scale, int ZeroPoint)
{
    /// <summary>
    /// Scales below this are treated as zero (an all-zero channel, or a constant 0 activation) and
    /// replaced by 1: every value then quantizes to the zero point and dequantizes to exactly 0.
    /// </summary>
    public const float SmallestScale = 1e-30f;

    /// <summary>
    /// The parameters of an activation whose values fall in [<paramref name="min"/>, <paramref name="max"/>].
    /// uint8: the range is widened to include 0, spread over 0..255, and the zero point is an integer so
    /// real 0 is exact. int8: symmetric, zero point 0, scale = max(|min|, |max|) / 127.
    /// </summary>
    public static QuantizationParameters ForActivation(double min, double max, ActivationType type)
    {
        if (type == ActivationType.Int8Symmetric)
        {
            double absMax = Math.Max(Math.Abs(min), Math.Abs(max));
            return new QuantizationParameters(Guard((float)(absMax / 127.0)), 0);
        }

        double low = Math.Min(min, 0);
        double high = Math.Max(max, 0);
        float scale = Guard((float)((high - low) / 255.0));
        int zeroPoint = (int)Math.Clamp(Math.Round(-low / scale, MidpointRounding.ToEven), 0, 255);
        return new QuantizationParameters(scale, zeroPoint);
    }

    /// <summary>The symmetric int8 parameters of a weight channel whose largest magnitude is <paramref name="absMax"/>.</summary>
    public static QuantizationParameters ForWeight(double absMax) => new(Guard((float)(absMax / 127.0)), 0);

    private static float Guard(float scale) => scale >= SmallestScale && float.IsFinite(scale) ? scale : 1f;
}
