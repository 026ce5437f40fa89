using EdgeAgent.Packaging;

namespace EdgeAgent.DriftEval;

/// <summary>
/// A synthetic model input of eight features with known distributions (normal, skewed, uniform, discrete, bimodal,
/// heavy-tailed, narrow normal, constant) and a stand-in model output: the mean squared standardized deviation of
/// the first seven, like an autoencoder's reconstruction error (skewed, in control about 1).
/// </summary>
internal static class SyntheticModel
{
    public static readonly string[] Names =
        ["vib.rms", "vib.crest", "temp.mean", "current.peaks", "pressure.mean", "flow.delta", "rpm.mean", "setting.mode"];

    /// <summary>The true mean of each feature.</summary>
    public static readonly double[] Means = [10, Math.Exp(0.125), 25, 6, 0, 3, 1500, 2];

    /// <summary>The true standard deviation of each feature.</summary>
    public static readonly double[] Stds =
        [2, Math.Sqrt((Math.Exp(0.25) - 1) * Math.Exp(0.25)), 10 / Math.Sqrt(12), Math.Sqrt(6), Math.Sqrt(1.09), 0.5 * Math.Sqrt(5.0 / 3), 5, 0];

    public const string OutputName = "score";

    public static int Width => Names.Length;

    /// <summary>The profile of <paramref name="windows"/> training windows.</summary>
    public static ReferenceProfile Profile(int windows, int seed)
    {
        var random = new Random(seed);
        var columns = new double[Width][];
        var scores = new double[windows];
        for (int j = 0; j < Width; j++)
        {
            columns[j] = new double[windows];
        }

        Span<float> row = stackalloc float[Width];
        for (int i = 0; i < windows; i++)
        {
            Draw(random, row);
            for (int j = 0; j < Width; j++)
            {
                columns[j][i] = row[j];
            }

            scores[i] = Score(row);
        }

        return new ReferenceProfile
        {
            Features = [.. Names.Select((name, j) => ValueProfile.Of(name, columns[j]))],
            Outputs = [ValueProfile.Of(OutputName, scores)],
        };
    }

    /// <summary>Draws one in-control window.</summary>
    public static void Draw(Random random, Span<float> row)
    {
        row[0] = (float)(10 + (2 * Normal(random)));
        row[1] = (float)Math.Exp(0.5 * Normal(random));
        row[2] = (float)(20 + (10 * random.NextDouble()));
        row[3] = Poisson(random, 6);
        row[4] = (float)((random.NextDouble() < 0.5 ? -1 : 1) + (0.3 * Normal(random)));
        row[5] = (float)(3 + (0.5 * StudentT5(random)));
        row[6] = (float)(1500 + (5 * Normal(random)));
        row[7] = 2;
    }

    /// <summary>The stand-in model output for a window.</summary>
    public static float Score(ReadOnlySpan<float> row)
    {
        double sum = 0;
        for (int j = 0; j < 7; j++)
        {
            double z = (row[j] - Means[j]) / Stds[j];
            sum += z * z;
        }

        return (float)(sum / 7);
    }

    public static double Normal(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static int Poisson(Random random, double lambda)
    {
        double limit = Math.Exp(-lambda), p = 1;
        int k = -1;
        do
        {
            k++;
            p *= random.NextDouble();
        }
        while (p > limit);
        return k;
    }

    private static double StudentT5(Random random)
    {
        double chi = 0;
        for (int i = 0; i < 5; i++)
        {
            double z = Normal(random);
            chi += z * z;
        }

        return Normal(random) / Math.Sqrt(chi / 5);
    }
}
