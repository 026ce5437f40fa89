using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using EdgeAgent.Inference;

namespace EdgeAgent.Benchmarks;

/// <summary>The bench command: parses the arguments, times every batch size, prints and saves the figures.</summary>
internal static class BenchCommand
{
    private static readonly int[] BatchSizes = [1, 64];
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(1);

    /// <summary>Returns 0 on success, 2 for wrong arguments, 1 when the model cannot be benchmarked.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        long start = Stopwatch.GetTimestamp();
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (BenchUsageException ex)
        {
            if (ex.Reason is null)
            {
                output.WriteLine(BenchOptions.Usage);
                return 0;
            }

            error.WriteLine($"error: {ex.Reason}");
            error.WriteLine();
            error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        string? builtIn = options.ModelPath is null ? BuiltInModel.WriteTempFile() : null;
        string modelPath = options.ModelPath ?? builtIn!;
        try
        {
            using InferenceEngine engine = InferenceEngine.Load(modelPath);
            BenchModel model = BenchModel.From(engine.Model);
            double timerNs = TimerCalibration.MedianNanoseconds();
            var report = new BenchReport(
                builtIn is null ? Path.GetFullPath(modelPath) : BuiltInModel.Description,
                InferenceEngine.RuntimeVersion,
                RuntimeInformation.FrameworkDescription,
                RuntimeInformation.OSDescription,
                Environment.ProcessorCount,
                options.Iterations,
                options.Rounds,
                Warmup.TotalSeconds,
                timerNs,
                [],
                0);
            ReportTable.WriteHeader(output, report);

            var batches = new List<BatchResult>();
            foreach (int batchSize in BatchSizes)
            {
                BatchResult batch = BatchBench.Run(modelPath, engine, model, batchSize, options.Iterations, options.Rounds, Warmup);
                ReportTable.WriteBatch(output, batch);
                batches.Add(batch);
            }

            report = report with { Batches = batches, TotalSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds };
            ReportTable.WriteSummary(output, report);
            if (options.JsonPath is { } json)
            {
                string? directory = Path.GetDirectoryName(Path.GetFullPath(json));
                if (directory is not null)
                {
                    Directory.CreateDirectory(directory);
                }

                File.WriteAllText(json, JsonSerializer.Serialize(report, BenchJsonContext.Default.BenchReport));
                output.WriteLine($"figures written to {json}");
            }

            return 0;
        }
        catch (Exception ex) when (ex is ModelLoadException or NotSupportedException or InferenceInputException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {ex.Message}");
            return 1;
        }
        finally
        {
            if (builtIn is not null)
            {
                File.Delete(builtIn);
            }
        }
    }
}
