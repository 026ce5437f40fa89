using System.Diagnostics;
using EdgeAgent.Agent.Decisions;
using EdgeAgent.Agent.Models;
using EdgeAgent.Agent.Pipeline;
using EdgeAgent.Agent.Status;
using EdgeAgent.Alerting;
using EdgeAgent.Alerting.Board;
using EdgeAgent.Alerting.Decisions;
using EdgeAgent.Alerting.Rules;
using EdgeAgent.Features;
using EdgeAgent.Inference;
using EdgeAgent.Sensing;
using EdgeAgent.Sensing.Simulation;
using EdgeAgent.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeAgent.AgentBench;

/// <summary>
/// Samples of the simulated machine, generated beforehand, through the agent's hot path on one core: windows and
/// features, the packaged int8 model, the alert rules, and predictions committed to a real store (FULL sync) by the
/// writer. Baselines in the same process: the feature stage alone over the same rows, and the bare model run.
/// </summary>
internal static class IngestBench
{
    public static async Task<IngestResult> RunAsync(string packagePath, int rows, int passes, TextWriter output)
    {
        TimeProvider time = TimeProvider.System;
        await using var simulator = new SimulatorSource(new SimulatorOptions { Speed = 0, Seed = 3 }, time);
        int width = simulator.Channels.Count;
        var blocks = new List<SampleBlock>();
        for (int taken = 0; taken < rows;)
        {
            var block = new SampleBlock(width, Math.Min(4096, rows - taken));
            await simulator.ReadAsync(block, CancellationToken.None).ConfigureAwait(false);
            blocks.Add(block);
            taken += block.Count;
        }

        long samples = (long)rows * width;
        output.WriteLine(AgentBench.Invariant($"ingest: {rows:N0} rows x {width} channels = {samples:N0} samples per pass, {passes} passes, pinned to one core"));

        string dir = Directory.CreateTempSubdirectory("edgeagent-bench-").FullName;
        try
        {
            using ActiveModel model = ActiveModel.Load(packagePath, new InferenceEngineOptions(), NullLogger.Instance);
            using EdgeStore store = EdgeStore.Open(new StoreOptions { Path = Path.Combine(dir, "bench.db") }, time);
            using var writer = new PredictionWriter(store, Options.Create(new PipelineOptions()), time, NullLogger<PredictionWriter>.Instance);
            await writer.StartAsync(CancellationToken.None).ConfigureAwait(false);
            using var board = new AlertBoard(store, time, NullLogger<AlertBoard>.Instance);
            var decisions = new AlertDecisions(new DecisionEngineFactory(Options.Create(new DecisionOptions()), board, time, NullLogger<DecisionEngine>.Instance));
            decisions.Attach(model);
            var handler = new WindowHandler(model, decisions, writer, new AgentState(time), null, NullLogger.Instance);

            double bestPipeline = 0, bestFeatures = 0;
            TimeSpan p50 = TimeSpan.Zero, p99 = TimeSpan.Zero, max = TimeSpan.Zero;
            long windows = 0;
            for (int pass = 0; pass < passes; pass++)
            {
                double features = FeaturesOnly(model, simulator.Channels, blocks, samples);
                var processor = new WindowProcessor(model, simulator.Channels, null, time);
                long started = Stopwatch.GetTimestamp();
                foreach (SampleBlock block in blocks)
                {
                    processor.Process(block, handler);
                }

                double pipeline = samples / Stopwatch.GetElapsedTime(started).TotalSeconds;
                windows = processor.Scored;
                output.WriteLine(AgentBench.Invariant($"  pass {pass + 1}: pipeline {pipeline / 1e6:F2} M samples/s ({processor.Scored} windows, p99 {processor.DecisionLatency.Quantile(0.99).TotalMilliseconds:F3} ms), features only {features / 1e6:F2} M samples/s"));
                bestPipeline = Math.Max(bestPipeline, pipeline);
                bestFeatures = Math.Max(bestFeatures, features);
                p50 = Max(p50, processor.DecisionLatency.Quantile(0.5));
                p99 = Max(p99, processor.DecisionLatency.Quantile(0.99));
                max = Max(max, processor.DecisionLatency.Max);
            }

            var bare = new LatencyHistogram();
            for (long i = 0; i < windows; i++)
            {
                long started = Stopwatch.GetTimestamp();
                model.Runner.Run();
                bare.Record(Stopwatch.GetElapsedTime(started));
            }

            await writer.StopAsync(CancellationToken.None).ConfigureAwait(false);
            output.WriteLine(AgentBench.Invariant($"  store: {store.CountPredictions():N0} predictions committed, {writer.Dropped} dropped"));
            return new IngestResult(bestPipeline, bestFeatures, p50, p99, max, bare.Quantile(0.99));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static double FeaturesOnly(ActiveModel model, IReadOnlyList<SensorChannel> channels, List<SampleBlock> blocks, long samples)
    {
        var stage = new FeatureStage(model.CreatePlan(channels));
        var features = new float[stage.Plan.Width];
        long started = Stopwatch.GetTimestamp();
        foreach (SampleBlock block in blocks)
        {
            for (int r = 0; r < block.Count; r++)
            {
                stage.TryPushRow(block.Row(r), block.Timestamp(r), features, out _);
            }
        }

        return samples / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
