using System.Globalization;

namespace EdgeAgent.Benchmarks;

/// <summary>The bench command's arguments.</summary>
internal sealed record BenchOptions(string? ModelPath, int Iterations, int Rounds, string? JsonPath)
{
    public const int DefaultIterations = 5_000;
    public const int DefaultRounds = 40;

    public const string Usage =
        """
        Usage: EdgeAgent.Benchmarks [--model PATH] [--iterations N] [--rounds N] [--json PATH]

        Times the inference engine's runner against a bare ONNX Runtime session on the same model and
        the same inputs, at batch 1 and batch 64, in interleaved rounds.

          --model PATH       the ONNX model, float32 with a dynamic first axis; without it a
                             built-in autoencoder of the same shape as a small sensor model
          --iterations N     timed calls per case per round (default 5000)
          --rounds N         interleaved rounds (default 40)
          --json PATH        also write the figures as JSON to PATH
          --help             show this text
        """;

    /// <summary>Parses the arguments; throws <see cref="BenchUsageException"/> with the reason when they are wrong.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        string? model = null;
        string? json = null;
        int iterations = DefaultIterations;
        int rounds = DefaultRounds;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--model":
                    model = Value(args, ref i);
                    break;
                case "--json":
                    json = Value(args, ref i);
                    break;
                case "--iterations":
                    iterations = Positive(arg, Value(args, ref i));
                    break;
                case "--rounds":
                    rounds = Positive(arg, Value(args, ref i));
                    break;
                case "--help" or "-h":
                    throw new BenchUsageException(null);
                default:
                    throw new BenchUsageException($"unknown argument '{arg}'.");
            }
        }

        if (model is not null && !File.Exists(model))
        {
            throw new BenchUsageException($"the model file '{model}' (full path {Path.GetFullPath(model)}) does not exist; pass an existing ONNX file with --model.");
        }

        return new BenchOptions(model, iterations, rounds, json);
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new BenchUsageException($"{args[i]} needs a value.");
        }

        return args[++i];
    }

    private static int Positive(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new BenchUsageException($"{name} must be a positive whole number, not '{text}'.");
}
