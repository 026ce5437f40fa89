using EdgeAgent.Inference;

namespace EdgeAgent.Benchmarks;

/// <summary>The input values every case feeds, fixed by a seed so that every case and every run sees the same numbers.</summary>
internal sealed class BenchInputs
{
    private const int Seed = 20_240_601;

    private BenchInputs(string[] names, float[][] values, long[][] shapes)
    {
        Names = names;
        Values = values;
        Shapes = shapes;
    }

    /// <summary>Model input names, in the model's order.</summary>
    public string[] Names { get; }

    /// <summary>The values of each input, row-major.</summary>
    public float[][] Values { get; }

    /// <summary>The concrete shape of each input.</summary>
    public long[][] Shapes { get; }

    /// <summary>Values in [-1, 1) for every input buffer of the runner, shaped like them.</summary>
    public static BenchInputs For(InferenceRunner runner, BenchModel model)
    {
        var random = new Random(Seed);
        var values = new float[model.InputNames.Length][];
        var shapes = new long[model.InputNames.Length][];
        for (int i = 0; i < values.Length; i++)
        {
            TensorBuffer buffer = runner.Inputs[model.InputNames[i]];
            shapes[i] = [.. buffer.Shape];
            values[i] = new float[buffer.Length];
            for (int k = 0; k < values[i].Length; k++)
            {
                values[i][k] = (random.NextSingle() * 2f) - 1f;
            }
        }

        return new BenchInputs(model.InputNames, values, shapes);
    }
}
