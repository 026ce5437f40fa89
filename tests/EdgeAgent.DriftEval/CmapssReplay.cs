using System.Diagnostics;
using EdgeAgent.Drift.Calibration;
using EdgeAgent.Drift.Monitoring;
using EdgeAgent.Packaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.DriftEval;

/// <summary>
/// A C-MAPSS FD001 replay. The reference is the first <see cref="ReferenceCycles"/> cycles (healthy) — each engine's
/// own, or all engines' pooled — and the rest of each engine's life is streamed in cycle order, one window per cycle,
/// judged every cycle over the latest <see cref="WindowCount"/>. The model output is a stand-in: the mean squared
/// standardized deviation of the non-constant columns from the reference (an anomaly score, as an autoencoder's
/// reconstruction error would be). Reported: when drift is first flagged, as a fraction of the engine's life and in
/// cycles before its failure, what raised it, and which sensors were named.
/// </summary>
internal static class CmapssReplay
{
    public const int ReferenceCycles = 50;
    public const int WindowCount = 25;

    public static DriftOptions Options => new() { WindowCount = WindowCount, EvaluateEvery = 1, MinimumWindows = WindowCount };

    public static void Run(CmapssData data, TextWriter output)
    {
        output.WriteLine($"== C-MAPSS FD001 replay ({data.Units.Count} engines, lives {data.Units.Min(u => u.Life)} to {data.Units.Max(u => u.Life)} cycles) ==");
        output.WriteLine($"reference: first {ReferenceCycles} cycles; batches of {WindowCount} cycles judged every cycle; target run length {Options.TargetRunLength:N0} windows (defaults otherwise)");
        var clock = Stopwatch.StartNew();
        Report("each engine's own reference", [.. data.Units.Select(u => Replay(u, Reference([u])))], output);
        output.WriteLine($"  ({clock.Elapsed.TotalSeconds:F1} s)");
        clock.Restart();
        DriftReference pooled = Reference(data.Units);
        Report("one reference pooled over all engines", [.. data.Units.Select(u => Replay(u, pooled))], output);
        output.WriteLine($"  ({clock.Elapsed.TotalSeconds:F1} s)");
        clock.Restart();
        HeldOutHealthy(data, output);
        output.WriteLine($"  ({clock.Elapsed.TotalSeconds:F1} s)");
        output.WriteLine();
    }

    /// <summary>The reference from the first cycles of <paramref name="units"/>.</summary>
    public static DriftReference Reference(IReadOnlyList<CmapssUnit> units)
    {
        float[][] rows = [.. units.SelectMany(u => u.Cycles.Take(ReferenceCycles))];
        ValueProfile[] features = [.. CmapssData.Names.Select((name, j) => ValueProfile.Of(name, [.. rows.Select(r => (double)r[j])]))];
        var model = new StandInModel([.. features.Select(f => (f.Mean, f.Std, f.Std > 0 && f.Quantiles[^2] > f.Quantiles[1]))]);
        var profile = new ReferenceProfile
        {
            Features = features,
            Outputs = [ValueProfile.Of("score", [.. rows.Select(r => (double)model.Score(r))])],
        };
        return DriftReference.Create(profile, CmapssData.Names, Options);
    }

    /// <summary>Streams the cycles after the reference: the first Drift verdict, the first naming sensors, the first with an output change.</summary>
    public static Flags Replay(CmapssUnit unit, DriftReference reference)
    {
        var model = new StandInModel([.. reference.Features.Select(f => (f.Mean, f.Std, f.Kind == FeatureKind.Continuous))]);
        var monitor = new DriftMonitor(reference, TimeProvider.System, NullLogger<DriftMonitor>.Instance);
        var outputs = new float[1];
        var flags = new Flags(unit);
        for (int c = ReferenceCycles; c < unit.Life && (flags.Features is null || flags.Output is null); c++)
        {
            float[] row = unit.Cycles[c];
            outputs[0] = model.Score(row);
            if (monitor.Observe(row, outputs) is not { State: DriftState.Drift } verdict)
            {
                continue;
            }

            flags.Any ??= c + 1;
            if (flags.Features is null && verdict.DriftedFeatures.Count > 0)
            {
                flags.Features = c + 1;
                flags.Named = verdict.DriftedFeatures;
            }

            if (flags.Output is null && verdict.OutputChangeDetected)
            {
                flags.Output = c + 1;
            }
        }

        return flags;
    }

    private static void Report(string title, IReadOnlyList<Flags> flags, TextWriter output)
    {
        int early = ReferenceCycles + WindowCount + 10;
        output.WriteLine($"{title}:");
        Line("first flag (either)", [.. flags.Select(f => (f.Unit, f.Any))]);
        Line("features", [.. flags.Select(f => (f.Unit, f.Features))]);
        Line("output (Page-Hinkley)", [.. flags.Select(f => (f.Unit, f.Output))]);
        var named = flags.SelectMany(f => f.Named).GroupBy(n => n).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
        output.WriteLine($"  sensors named at the first feature flag (engines): {string.Join(", ", named.Select(g => $"{g.Key} {g.Count()}"))}");
        var top = flags.Where(f => f.Named.Count > 0).GroupBy(f => f.Named[0]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
        output.WriteLine($"  highest-scoring sensor there: {string.Join(", ", top.Select(g => $"{g.Key} {g.Count()}"))}");

        void Line(string what, IReadOnlyList<(CmapssUnit Unit, int? Cycle)> first)
        {
            (CmapssUnit Unit, int Cycle)[] hit = [.. first.Where(f => f.Cycle is not null).Select(f => (f.Unit, f.Cycle!.Value))];
            double[] fractions = [.. hit.Select(f => (double)f.Cycle / f.Unit.Life)];
            double[] left = [.. hit.Select(f => (double)(f.Unit.Life - f.Cycle))];
            output.WriteLine($"  {what,-22} flagged in {hit.Length,3} of {first.Count} engines; at a fraction of life {Summary.Quartiles(fractions, "F2")}, earliest {(hit.Length > 0 ? fractions.Min() : double.NaN):F2}");
            output.WriteLine($"  {"",-22} cycles left before failure {Summary.Quartiles(left, "F0")}, most {(hit.Length > 0 ? left.Max() : double.NaN):F0}; {hit.Count(h => h.Cycle <= early)} flagged by cycle {early} ({WindowCount + 10} cycles into the stream)");
        }
    }

    /// <summary>
    /// False alarms on real healthy data: each engine's reference is its even cycles among the first 60, and its odd
    /// ones (interleaved, so in the same state) are streamed and judged every cycle over batches of 20, features only.
    /// </summary>
    private static void HeldOutHealthy(CmapssData data, TextWriter output)
    {
        const int cycles = 60, batch = 20;
        var options = new DriftOptions { WindowCount = batch, EvaluateEvery = 1, MinimumWindows = batch };
        int judged = 0, alarms = 0, engines = 0;
        foreach (CmapssUnit unit in data.Units)
        {
            float[][] even = [.. unit.Cycles.Take(cycles).Where((_, i) => i % 2 == 1)];
            var profile = new ReferenceProfile { Features = [.. CmapssData.Names.Select((n, j) => ValueProfile.Of(n, [.. even.Select(r => (double)r[j])]))] };
            var monitor = new DriftMonitor(DriftReference.Create(profile, CmapssData.Names, options), TimeProvider.System, NullLogger<DriftMonitor>.Instance);
            int before = alarms;
            foreach (float[] row in unit.Cycles.Take(cycles).Where((_, i) => i % 2 == 0))
            {
                if (monitor.Observe(row) is { State: not DriftState.InsufficientData } verdict)
                {
                    judged++;
                    alarms += verdict.State == DriftState.Drift ? 1 : 0;
                }
            }

            engines += alarms > before ? 1 : 0;
        }

        output.WriteLine($"held-out healthy cycles (reference: even cycles 2..{cycles}; streamed: odd cycles 1..{cycles - 1}, batches of {batch}, features only):");
        output.WriteLine($"  {alarms} drift verdicts in {judged} judgements over {data.Units.Count} engines ({engines} engines with any)");
    }

    /// <summary>When a unit was first flagged (null: never): by anything, by features (with the names), by the output.</summary>
    public sealed class Flags(CmapssUnit unit)
    {
        public CmapssUnit Unit { get; } = unit;

        public int? Any { get; set; }

        public int? Features { get; set; }

        public IReadOnlyList<string> Named { get; set; } = [];

        public int? Output { get; set; }
    }
}
