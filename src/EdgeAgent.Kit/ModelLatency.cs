using System.Diagnostics;
using EdgeAgent.Inference;

namespace EdgeAgent.Kit;

/// <summary>Mean time of one batch-1 call through the engine's reusable runner.</summary>
internal static class ModelLatency
{
    public static double MicrosecondsPerCall(byte[] model, float[] rows, int width, int calls = 2000)
    {
        using var engine = InferenceEngine.Load(model, source: "evaluated model");
        string input = engine.Model.Inputs[0].Name;
        var dims = engine.Model.Inputs[0].Shape[0].Symbol is { } symbol
            ? new Dictionary<string, long> { [symbol] = 1 }
            : new Dictionary<string, long> { [$"{input}:0"] = 1 };
        using InferenceRunner runner = engine.CreateRunner(dims);
        int count = rows.Length / width;
        for (int i = 0; i < 200; i++)
        {
            rows.AsSpan((i % count) * width, width).CopyTo(runner.Input<float>(input));
            runner.Run();
        }

        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++)
        {
            rows.AsSpan((i % count) * width, width).CopyTo(runner.Input<float>(input));
            runner.Run();
        }

        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / calls;
    }
}
