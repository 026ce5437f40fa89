namespace EdgeAgent.ModelKit.Tests.Quantization;

/// <summary>Seeded random data for the quantization tests.</summary>
internal static class TestData
{
    /// <summary><paramref name="count"/> values drawn from N(<paramref name="mean"/>, <paramref name="std"/>²) (Box–Muller).</summary>
    public static float[] Normal(Random random, int count, double mean = 0, double std = 1)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            values[i] = (float)(mean + (std * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2)));
        }

        return values;
    }

    /// <summary><paramref name="batches"/> batches of <paramref name="rows"/> × <paramref name="width"/> standard normal values for one input.</summary>
    public static List<IReadOnlyDictionary<string, float[]>> NormalBatches(int seed, string input, int batches, int rows, int width)
    {
        var random = new Random(seed);
        var result = new List<IReadOnlyDictionary<string, float[]>>();
        for (int b = 0; b < batches; b++)
        {
            result.Add(new Dictionary<string, float[]> { [input] = Normal(random, rows * width) });
        }

        return result;
    }

    /// <summary>Max absolute and RMS difference between two outputs, and the standard deviation of the reference.</summary>
    public static (double MaxAbs, double Rms, double ReferenceStd) Compare(float[] reference, float[] actual)
    {
        Assert.Equal(reference.Length, actual.Length);
        double maxAbs = 0, squares = 0, sum = 0, sumSquares = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            double d = (double)actual[i] - reference[i];
            maxAbs = Math.Max(maxAbs, Math.Abs(d));
            squares += d * d;
            sum += reference[i];
            sumSquares += (double)reference[i] * reference[i];
        }

        double mean = sum / reference.Length;
        return (maxAbs, Math.Sqrt(squares / reference.Length), Math.Sqrt(Math.Max(0, (sumSquares / reference.Length) - (mean * mean))));
    }
}
