using EdgeAgent.Packaging;

namespace EdgeAgent.Drift.Tests.Support;

/// <summary>
/// Windows of four features with known distributions — normal (5, 1), log-normal (0, 0.4), Poisson (4) and the
/// constant 3 (a set point) — and an anomaly-score output: the mean squared standardized deviation of the first three. Steps can be
/// switched on from a given window: a mean shift or a scale change of one feature, a move of the constant, an offset
/// of the output.
/// </summary>
internal sealed class SyntheticStream(int seed)
{
    public static readonly string[] Names = ["pump.rms", "pump.crest", "pump.peak", "setpoint.last"];

    /// <summary>True means and standard deviations (log-normal: e^(σ²/2), √((e^(σ²) - 1) e^(σ²))).</summary>
    public static readonly double[] Means = [5, Math.Exp(0.08), 4, 3];

    public static readonly double[] Stds = [1, Math.Sqrt((Math.Exp(0.16) - 1) * Math.Exp(0.16)), 2, 0];

    private readonly Random _random = new(seed);

    public int Window { get; private set; }

    /// <summary>From this window on, the steps below apply.</summary>
    public int ChangeAt { get; init; } = int.MaxValue;

    public int ShiftedFeature { get; init; } = -1;

    /// <summary>The mean shift, in the feature's standard deviations.</summary>
    public double ShiftSds { get; init; }

    public int ScaledFeature { get; init; } = -1;

    /// <summary>The factor on the feature's deviation from its mean.</summary>
    public double Scale { get; init; } = 1;

    /// <summary>The constant feature's value after the change.</summary>
    public float? ConstantAfter { get; init; }

    /// <summary>Added to the output after the change.</summary>
    public float OutputOffset { get; init; }

    public static int Width => Names.Length;

    public static ReferenceProfile Profile(int windows = 20_000, int seed = 1)
    {
        var stream = new SyntheticStream(seed);
        var columns = Enumerable.Range(0, Width).Select(_ => new double[windows]).ToArray();
        var scores = new double[windows];
        var row = new float[Width];
        var output = new float[1];
        for (int i = 0; i < windows; i++)
        {
            stream.Next(row, output);
            for (int j = 0; j < Width; j++)
            {
                columns[j][i] = row[j];
            }

            scores[i] = output[0];
        }

        return new ReferenceProfile
        {
            Features = [.. Names.Select((name, j) => ValueProfile.Of(name, columns[j]))],
            Outputs = [ValueProfile.Of("score", scores)],
        };
    }

    /// <summary>The next window.</summary>
    public void Next(Span<float> features, Span<float> outputs)
    {
        Window++;
        bool changed = Window >= ChangeAt;
        double[] x =
        [
            5 + NormalDistribution.Sample(_random),
            Math.Exp(0.4 * NormalDistribution.Sample(_random)),
            Poisson(4),
            3,
        ];
        if (changed && ShiftedFeature >= 0)
        {
            x[ShiftedFeature] += ShiftSds * Stds[ShiftedFeature];
        }

        if (changed && ScaledFeature >= 0)
        {
            x[ScaledFeature] = Means[ScaledFeature] + (Scale * (x[ScaledFeature] - Means[ScaledFeature]));
        }

        if (changed && ConstantAfter is { } moved)
        {
            x[3] = moved;
        }

        double score = 0;
        for (int j = 0; j < 3; j++)
        {
            double z = (x[j] - Means[j]) / Stds[j];
            score += z * z / 3;
        }

        for (int j = 0; j < Width; j++)
        {
            features[j] = (float)x[j];
        }

        if (outputs.Length > 0)
        {
            outputs[0] = (float)score + (changed ? OutputOffset : 0);
        }
    }

    private int Poisson(double lambda)
    {
        double limit = Math.Exp(-lambda), p = 1;
        int k = -1;
        do
        {
            k++;
            p *= _random.NextDouble();
        }
        while (p > limit);
        return k;
    }
}
