using System.Diagnostics;
using System.Runtime;
using EdgeAgent.Inference;

namespace EdgeAgent.Benchmarks;

/// <summary>
/// Times every case at one batch size: warm-up, then <c>rounds</c> rounds of <c>iterations</c> calls per
/// case, the cases taking turns (the order rotates each round) so that drift in the machine's speed
/// falls on all of them alike.
/// </summary>
internal static class BatchBench
{
    // Where each case sits in the arrays below.
    private const int Bare = 0;
    private const int Runner = 1;
    private const int EngineRun = 2;
    private const int Floor = 3;

    public static BatchResult Run(string modelPath, InferenceEngine engine, BenchModel model, int batchSize, int iterations, int rounds, TimeSpan warmup)
    {
        using InferenceRunner runner = engine.CreateRunner(new Dictionary<string, long> { [model.BatchKey] = batchSize });
        BenchInputs inputs = BenchInputs.For(runner, model);
        long[][] outputShapes = [.. model.OutputNames.Select(n => runner.Outputs[n].Shape.ToArray())];
        string firstOutput = model.OutputNames[0];

        using var bare = new BareSessionCase(modelPath, inputs, model.OutputNames, outputShapes);
        using var steady = new EngineRunnerCase(runner, inputs, firstOutput);
        using var allocating = new EngineRunCase(engine, inputs, firstOutput);
        using var floor = new BareBindingCase(modelPath, inputs, model.OutputNames, outputShapes);
        var cases = new BenchCase[4];
        cases[Bare] = bare;
        cases[Runner] = steady;
        cases[EngineRun] = allocating;
        cases[Floor] = floor;

        var ticks = new long[cases.Length][];
        var bytes = new long[cases.Length];
        var gen0 = new int[cases.Length];
        for (int c = 0; c < cases.Length; c++)
        {
            ticks[c] = new long[checked(iterations * rounds)];
        }

        // After every allocation of the harness, so that the timed rounds start in the warmed-up state.
        TimeSpan warmedUp = WarmUp(cases, Math.Min(iterations, 1000), warmup);

        for (int round = 0; round < rounds; round++)
        {
            for (int turn = 0; turn < cases.Length; turn++)
            {
                int c = (round + turn) % cases.Length;
                LoopTotals totals = cases[c].Measure(ticks[c].AsSpan(round * iterations, iterations));
                bytes[c] += totals.AllocatedBytes;
                gen0[c] += totals.Gen0Collections;
            }
        }

        var results = new CaseResult[cases.Length];
        long calls = (long)iterations * rounds;
        for (int c = 0; c < cases.Length; c++)
        {
            LatencyStatistics s = LatencyStatistics.Of(ticks[c]);
            results[c] = new CaseResult(cases[c].Key, cases[c].Label, calls, s.MeanUs, s.MedianUs, s.P99Us, s.MinUs, bytes[c] / (double)calls, gen0[c]);
        }

        double maxDifference = cases.Skip(1).Max(c => MaxAbsDifference(bare.FirstOutput, c.FirstOutput));
        return new BatchResult(
            batchSize,
            warmedUp.TotalSeconds,
            results,
            results[Runner].MeanUs / results[Bare].MeanUs,
            results[Runner].MedianUs / results[Bare].MedianUs,
            RoundRatioMedian(ticks[Runner], ticks[Bare], iterations, rounds),
            results[EngineRun].MeanUs / results[Bare].MeanUs,
            results[EngineRun].MedianUs / results[Bare].MedianUs,
            results[Runner].MedianUs / results[Floor].MedianUs,
            RoundRatioMedian(ticks[Runner], ticks[Floor], iterations, rounds),
            maxDifference);
    }

    // Each case in turn for at least the given time, then on until the JIT has compiled nothing for a
    // while: tiered compilation promotes hot methods in the background (tier 0, instrumented, tier 1,
    // with escape analysis that removes some allocations), and the timed rounds should see only the end state.
    private static TimeSpan WarmUp(BenchCase[] cases, int calls, TimeSpan minimum)
    {
        TimeSpan quiet = TimeSpan.FromMilliseconds(500);
        TimeSpan maximum = minimum + TimeSpan.FromSeconds(10);
        var ticks = new long[calls];
        long start = Stopwatch.GetTimestamp();
        long lastCompile = start;
        long compiled = JitInfo.GetCompiledMethodCount();
        while (true)
        {
            foreach (BenchCase benchCase in cases)
            {
                benchCase.Measure(ticks);
            }

            long now = Stopwatch.GetTimestamp();
            long count = JitInfo.GetCompiledMethodCount();
            if (count != compiled)
            {
                compiled = count;
                lastCompile = now;
            }

            TimeSpan elapsed = Stopwatch.GetElapsedTime(start, now);
            if ((elapsed >= minimum && Stopwatch.GetElapsedTime(lastCompile, now) >= quiet) || elapsed >= maximum)
            {
                return elapsed;
            }
        }
    }

    private static double RoundRatioMedian(long[] engine, long[] bare, int iterations, int rounds)
    {
        var ratios = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            ratios[r] = LatencyStatistics.Sum(engine.AsSpan(r * iterations, iterations)) / (double)LatencyStatistics.Sum(bare.AsSpan(r * iterations, iterations));
        }

        Array.Sort(ratios);
        return rounds % 2 == 1 ? ratios[rounds / 2] : (ratios[(rounds / 2) - 1] + ratios[rounds / 2]) / 2;
    }

    private static double MaxAbsDifference(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        if (expected.Length != actual.Length)
        {
            return double.PositiveInfinity;
        }

        double max = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            max = Math.Max(max, Math.Abs((double)expected[i] - actual[i]));
        }

        return max;
    }
}
