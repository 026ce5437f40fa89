using System.Globalization;

namespace EdgeAgent.Benchmarks;

/// <summary>Writes a <see cref="BenchReport"/> as plain-text tables.</summary>
internal static class ReportTable
{
    /// <summary>The target for the runner at batch 1: at most this many times the bare call.</summary>
    public const double RatioTarget = 1.05;

    public static void WriteHeader(TextWriter w, BenchReport r)
    {
        w.WriteLine($"EdgeAgent inference bench: {r.Model}");
        w.WriteLine($"ONNX Runtime {r.OnnxRuntimeVersion}, {r.Runtime}, {r.Os}, {r.ProcessorCount} CPUs");
        w.WriteLine(F($"{r.Rounds} interleaved rounds x {r.Iterations} calls per case; warm-up at least {r.WarmupSeconds:0.#} s per batch, until the JIT is quiet; timer {r.TimerOverheadNs:0} ns/call (in every figure)"));
    }

    public static void WriteBatch(TextWriter w, BatchResult b)
    {
        w.WriteLine();
        w.WriteLine(F($"batch {b.BatchSize} (warm-up {b.WarmupSeconds:0.0} s)"));
        w.WriteLine(F($"  {"case",-42} {"mean us",9} {"median us",10} {"p99 us",9} {"min us",9} {"bytes/call",11} {"gen0",5} {"x bare (mean/median)",21}"));
        foreach (CaseResult c in b.Cases)
        {
            string ratio = c.Key == "bare" ? "1" : F($"{c.MeanUs / b.Cases[0].MeanUs:0.000} / {c.MedianUs / b.Cases[0].MedianUs:0.000}");
            w.WriteLine(F($"  {c.Label,-42} {c.MeanUs,9:0.000} {c.MedianUs,10:0.000} {c.P99Us,9:0.000} {c.MinUs,9:0.000} {c.BytesPerCall,11:0.#} {c.Gen0Collections,5} {ratio,21}"));
        }

        w.WriteLine(F($"  runner/bare: mean {b.RunnerOverBareMean:0.000}, median {b.RunnerOverBareMedian:0.000}, median of round ratios {b.RunnerOverBareRoundMedian:0.000}"));
        w.WriteLine(F($"  runner/floor (bare RunWithBinding): median {b.RunnerOverFloorMedian:0.000}, median of round ratios {b.RunnerOverFloorRoundMedian:0.000}"));
        w.WriteLine(F($"  outputs agree with bare: max |difference| {b.MaxAbsOutputDifference:G3}"));
    }

    public static void WriteSummary(TextWriter w, BenchReport r)
    {
        w.WriteLine();
        w.WriteLine("Summary: the ratio of each round's total times, runner over baseline, median over rounds (robust to drift and to a shared host's speed changes).");
        foreach (BatchResult b in r.Batches)
        {
            CaseResult runner = b.Cases.Single(c => c.Key == "runner");
            string verdict = b.BatchSize == 1
                ? F($" (target <= {RatioTarget}: {(b.RunnerOverBareRoundMedian <= RatioTarget ? "met" : "NOT met")})")
                : "";
            w.WriteLine(F($"batch {b.BatchSize,3}: runner/bare {b.RunnerOverBareRoundMedian:0.000}{verdict}, runner/floor {b.RunnerOverFloorRoundMedian:0.000} (medians of round ratios); runner {runner.BytesPerCall:0.#} bytes/call"));
        }

        w.WriteLine(F($"total {r.TotalSeconds:0.0} s"));
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
