namespace EdgeAgent.ModelKit.Quantization;

/// <summary>
/// Symmetric int8 weight quantization: per channel along an axis, or per tensor. Codes lie in
/// −127..127 (−128 is never used, so the range is symmetric), zero points are 0, and each scale is
/// max|w| / 127 over its channel; a channel of zeros gets scale 1 and codes 0.
/// </summary>
internal static class WeightQuantizer
{
    /// <summary>Quantizes <paramref name="values"/> of shape <paramref name="shape"/>; <paramref name="axis"/> null means per tensor.</summary>
    /// <exception cref="QuantizationException">A value is NaN or infinite.</exception>
    public static QuantizedWeight Quantize(string name, float[] values, IReadOnlyList<long> shape, int? axis)
    {
        int channels = 1;
        long inner = values.LongLength;
        if (axis is int a)
        {
            if (a < 0 || a >= shape.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(axis), $"Axis {a} is outside the rank {shape.Count} of weight '{name}'.");
            }

            channels = checked((int)shape[a]);
            inner = 1;
            for (int d = a + 1; d < shape.Count; d++)
            {
                inner *= shape[d];
            }
        }

        var absMax = new double[channels];
        for (long i = 0; i < values.LongLength; i++)
        {
            float w = values[i];
            if (!float.IsFinite(w))
            {
                throw new QuantizationException($"Weight '{name}' holds a non-finite value ({w}) at element {i}; it cannot be quantized.");
            }

            int c = Channel(i, inner, channels);
            absMax[c] = Math.Max(absMax[c], Math.Abs(w));
        }

        var scales = new float[channels];
        for (int c = 0; c < channels; c++)
        {
            scales[c] = QuantizationParameters.ForWeight(absMax[c]).Scale;
        }

        var codes = new sbyte[values.LongLength];
        double maxError = 0;
        double squares = 0;
        for (long i = 0; i < values.LongLength; i++)
        {
            float scale = scales[Channel(i, inner, channels)];
            double q = Math.Clamp(Math.Round(values[i] / (double)scale, MidpointRounding.ToEven), -127, 127);
            codes[i] = (sbyte)q;

            // DequantizeLinear multiplies in float: measure the error the runtime will see.
            float restored = codes[i] * scale;
            double error = Math.Abs((double)values[i] - restored);
            maxError = Math.Max(maxError, error);
            squares += error * error;
        }

        double rms = values.LongLength == 0 ? 0 : Math.Sqrt(squares / values.LongLength);
        return new QuantizedWeight(codes, scales, (float)absMax.DefaultIfEmpty(0).Max(), (float)maxError, (float)rms);
    }

    private static int Channel(long index, long inner, int channels) => channels == 1 ? 0 : (int)(index / inner % channels);
}
