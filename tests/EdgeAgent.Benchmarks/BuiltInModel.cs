using EdgeAgent.Onnx.Building;

namespace EdgeAgent.Benchmarks;

/// <summary>
/// The model timed when no --model is given: a float32 autoencoder of the same shape as a small sensor
/// model (10 → 16 → 4 → 16 → 10, Gemm and Relu), with fixed pseudo-random weights, written to a temp file.
/// </summary>
internal static class BuiltInModel
{
    public const string Description = "built-in autoencoder 10-16-4-16-10 (Gemm/Relu)";

    public static string WriteTempFile()
    {
        var random = new Random(20261122);
        int[] sizes = [10, 16, 4, 16, 10];
        var builder = new OnnxGraphBuilder("bench_autoencoder")
            .Input("sensor_input", typeof(float), "batch_size", 10)
            .Output("reconstruction", typeof(float), "batch_size", 10);
        string previous = "sensor_input";
        for (int layer = 0; layer < sizes.Length - 1; layer++)
        {
            int rows = sizes[layer + 1], cols = sizes[layer];
            float[] weights = [.. Enumerable.Range(0, rows * cols).Select(_ => (float)((random.NextDouble() - 0.5) / Math.Sqrt(cols)))];
            float[] bias = [.. Enumerable.Range(0, rows).Select(_ => (float)((random.NextDouble() - 0.5) * 0.1))];
            bool last = layer == sizes.Length - 2;
            string gemm = last ? "reconstruction" : $"gemm{layer}";
            builder.Initializer($"w{layer}", weights, rows, cols)
                .Initializer($"b{layer}", bias, rows)
                .Node("Gemm", [previous, $"w{layer}", $"b{layer}"], [gemm], new Dictionary<string, object> { ["transB"] = 1L });
            previous = gemm;
            if (!last)
            {
                builder.Node("Relu", [gemm], [$"relu{layer}"]);
                previous = $"relu{layer}";
            }
        }

        string path = Path.Combine(Path.GetTempPath(), $"edgeagent-bench-{Environment.ProcessId}.onnx");
        File.WriteAllBytes(path, builder.ToBytes());
        return path;
    }
}
