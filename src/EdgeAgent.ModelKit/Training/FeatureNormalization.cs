namespace EdgeAgent.ModelKit.Training;

/// <summary>
/// Per-feature standardization, normalized = (raw − <see cref="Mean"/>) · <see cref="Scale"/>, with
/// Scale = 1 / standard deviation. The exported ONNX model applies it as Sub then Mul nodes, so the model
/// takes raw features. A feature that does not vary in the fitting data gets Scale 1.
/// </summary>
public sealed class FeatureNormalization
{
    public FeatureNormalization(float[] mean, float[] standardDeviation)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(standardDeviation);
        if (mean.Length != standardDeviation.Length || mean.Length == 0)
        {
            throw new ArgumentException($"Means ({mean.Length}) and deviations ({standardDeviation.Length}) must be equally many and not none.", nameof(standardDeviation));
        }

        Mean = mean;
        StandardDeviation = standardDeviation;
        Scale = new float[mean.Length];
        for (int i = 0; i < mean.Length; i++)
        {
            if (!(standardDeviation[i] > 0) || !float.IsFinite(standardDeviation[i]) || !float.IsFinite(mean[i]))
            {
                throw new ArgumentException($"Feature {i} has mean {mean[i]} and deviation {standardDeviation[i]}; a finite mean and a positive deviation are needed.", nameof(standardDeviation));
            }

            Scale[i] = 1f / standardDeviation[i];
        }
    }

    /// <summary>The number of features.</summary>
    public int Count => Mean.Length;

    public float[] Mean { get; }

    /// <summary>The population standard deviation (1 for a constant feature).</summary>
    public float[] StandardDeviation { get; }

    /// <summary>1 / <see cref="StandardDeviation"/>: the Mul constant of the exported model.</summary>
    public float[] Scale { get; }

    /// <summary>Fits means and population deviations on <paramref name="count"/> rows stored row-major in <paramref name="rows"/>.</summary>
    public static FeatureNormalization Fit(ReadOnlySpan<float> rows, int count, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (rows.Length != count * width)
        {
            throw new ArgumentException($"{count} rows of {width} features need {count * width} values, not {rows.Length}.", nameof(rows));
        }

        var sum = new double[width];
        for (int r = 0; r < count; r++)
        {
            for (int f = 0; f < width; f++)
            {
                sum[f] += rows[(r * width) + f];
            }
        }

        var mean = new double[width];
        for (int f = 0; f < width; f++)
        {
            mean[f] = sum[f] / count;
        }

        var squares = new double[width];
        for (int r = 0; r < count; r++)
        {
            for (int f = 0; f < width; f++)
            {
                double d = rows[(r * width) + f] - mean[f];
                squares[f] += d * d;
            }
        }

        var meanOut = new float[width];
        var stdOut = new float[width];
        for (int f = 0; f < width; f++)
        {
            double std = Math.Sqrt(squares[f] / count);
            bool constant = !(std > 1e-9 * Math.Max(1.0, Math.Abs(mean[f])));
            meanOut[f] = (float)mean[f];
            stdOut[f] = constant ? 1f : (float)std;
        }

        return new FeatureNormalization(meanOut, stdOut);
    }

    /// <summary>Writes (raw − mean) · scale into <paramref name="normalized"/>, in float as the exported model does.</summary>
    public void Apply(ReadOnlySpan<float> raw, Span<float> normalized)
    {
        if (raw.Length != Count || normalized.Length != Count)
        {
            throw new ArgumentException($"A row of {Count} features is expected, not {raw.Length}.", nameof(raw));
        }

        for (int f = 0; f < Count; f++)
        {
            normalized[f] = (raw[f] - Mean[f]) * Scale[f];
        }
    }
}
