namespace EdgeAgent.ModelKit.Quantization;

/// <summary>
/// Gathers what calibration sees of one tensor in a single pass: the exact minimum and maximum and,
/// when a percentile is wanted, a histogram. The histogram has one bin per bfloat16 value (the top 16
/// bits of the float), so its bins are about 0.4 % wide relative to the value at any magnitude: an
/// outlier of 1e6 does not blur the bins that hold values near 1, as a histogram of equal-width bins would.
/// </summary>
internal sealed class RangeCollector(string tensorName, bool withHistogram)
{
    private const int Bins = 1 << 16;
    private const uint SignBit = 0x8000;

    private readonly long[]? _histogram = withHistogram ? new long[Bins] : null;

    /// <summary>The tensor the values come from.</summary>
    public string TensorName { get; } = tensorName;

    /// <summary>How many values were added.</summary>
    public long Count { get; private set; }

    /// <summary>The smallest value added (+∞ before any).</summary>
    public float Min { get; private set; } = float.PositiveInfinity;

    /// <summary>The largest value added (−∞ before any).</summary>
    public float Max { get; private set; } = float.NegativeInfinity;

    /// <summary>Adds values.</summary>
    /// <exception cref="QuantizationException">A value is NaN or infinite.</exception>
    public void Add(ReadOnlySpan<float> values)
    {
        float min = Min;
        float max = Max;
        foreach (float v in values)
        {
            if (!float.IsFinite(v))
            {
                throw new QuantizationException(
                    $"Calibration produced a non-finite value ({v}) in tensor '{TensorName}'; its range cannot be calibrated. Check the calibration inputs.");
            }

            min = Math.Min(min, v);
            max = Math.Max(max, v);
            if (_histogram is not null)
            {
                _histogram[BitConverter.SingleToUInt32Bits(v) >> 16]++;
            }
        }

        Min = min;
        Max = max;
        Count += values.Length;
    }

    /// <summary>
    /// The range to quantize: [Min, Max] for MinMax; for Percentile, the range holding
    /// <paramref name="percentile"/> % of the values (by magnitude when <paramref name="symmetric"/>,
    /// otherwise clipping half the rest at each end), never wider than [Min, Max].
    /// </summary>
    /// <exception cref="QuantizationException">No values were added.</exception>
    public (float Low, float High) Range(CalibrationMethod method, double percentile, bool symmetric)
    {
        if (Count == 0)
        {
            throw new QuantizationException($"Calibration saw no values of tensor '{TensorName}' (every batch gave it zero elements); its range cannot be calibrated.");
        }

        if (method == CalibrationMethod.MinMax || percentile >= 100)
        {
            return (Min, Max);
        }

        long[] histogram = _histogram ?? throw new InvalidOperationException("A percentile needs the histogram.");
        double outside = Count * (100 - percentile) / 100;
        if (symmetric)
        {
            float limit = MagnitudeLimit(histogram, (long)Math.Floor(outside));
            return (Math.Max(Min, -limit), Math.Min(Max, limit));
        }

        long perEnd = (long)Math.Floor(outside / 2);
        return (Math.Max(Min, LowLimit(histogram, perEnd)), Math.Min(Max, HighLimit(histogram, perEnd)));
    }

    // The smallest value of the first bin, in ascending order, past which more than `clipped` values lie:
    // at most `clipped` values are below it.
    private static float LowLimit(long[] histogram, long clipped)
    {
        long seen = 0;
        foreach (uint key in Ascending())
        {
            seen += histogram[key];
            if (seen > clipped)
            {
                return Lowest(key);
            }
        }

        return float.NegativeInfinity;
    }

    private static float HighLimit(long[] histogram, long clipped)
    {
        long seen = 0;
        foreach (uint key in Ascending().Reverse())
        {
            seen += histogram[key];
            if (seen > clipped)
            {
                return Highest(key);
            }
        }

        return float.PositiveInfinity;
    }

    private static float MagnitudeLimit(long[] histogram, long clipped)
    {
        long seen = 0;
        for (uint key = SignBit - 1; ; key--)
        {
            seen += histogram[key] + histogram[key | SignBit];
            if (seen > clipped || key == 0)
            {
                return Highest(key);
            }
        }
    }

    // Bins in ascending order of value: negatives from the most negative (largest key) to −0, then +0 upwards.
    private static IEnumerable<uint> Ascending()
    {
        for (uint key = Bins - 1; key >= SignBit; key--)
        {
            yield return key;
        }

        for (uint key = 0; key < SignBit; key++)
        {
            yield return key;
        }
    }

    // The bin holds every float whose top 16 bits are `key`; the low 16 bits only add magnitude.
    private static float Lowest(uint key) =>
        BitConverter.UInt32BitsToSingle((key & SignBit) != 0 ? (key << 16) | 0xFFFF : key << 16);

    private static float Highest(uint key) =>
        BitConverter.UInt32BitsToSingle((key & SignBit) != 0 ? key << 16 : (key << 16) | 0xFFFF);
}
