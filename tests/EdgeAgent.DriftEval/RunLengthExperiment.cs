using System.Diagnostics;
using EdgeAgent.Drift.Calibration;
using EdgeAgent.Drift.Monitoring;
using EdgeAgent.Packaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.DriftEval;

/// <summary>
/// Mean run length with no change: long in-control streams drawn from the distribution the profile was built from
/// (its own training sample is a different seed), counting windows between false alarms. After each alarm the
/// monitor is reset, as a detector is after a detection, so each run length includes the warm-up.
/// </summary>
internal static class RunLengthExperiment
{
    /// <summary>(target run length, seeds, windows per seed): the default target last, smaller ones to show the calibration follows the target.</summary>
    private static readonly (int Target, int Seeds, int Windows)[] Plan =
    [
        (1_000, 4, 100_000),
        (10_000, 4, 500_000),
        (100_000, 8, 1_000_000),
    ];

    public static void Run(TextWriter output)
    {
        output.WriteLine("== Mean run length with no change (synthetic, 8 features + 1 output) ==");
        ReferenceProfile profile = SyntheticModel.Profile(20_000, seed: 1);
        output.WriteLine("profile: 20,000 training windows; defaults otherwise (WindowCount 200, a verdict every 50 windows, MinimumWindows 200)");
        output.WriteLine($"{"target",8} {"windows",10} {"alarms",7} {"feature",8} {"output",7} {"mean run length",16}  per-seed mean run lengths");
        foreach ((int target, int seeds, int windows) in Plan)
        {
            var clock = Stopwatch.StartNew();
            var reference = DriftReference.Create(profile, SyntheticModel.Names, new DriftOptions { TargetRunLength = target });
            double calibration = clock.Elapsed.TotalMilliseconds;
            long totalAlarms = 0, featureAlarms = 0, outputAlarms = 0;
            var perSeed = new List<string>();
            var named = new SortedDictionary<string, int>(StringComparer.Ordinal);
            for (int seed = 1; seed <= seeds; seed++)
            {
                (int alarms, int byFeatures, int byOutput) = Stream(reference, 1000 + seed, windows, named);
                totalAlarms += alarms;
                featureAlarms += byFeatures;
                outputAlarms += byOutput;
                perSeed.Add(alarms == 0 ? $">{windows:N0}" : $"{(double)windows / alarms:N0}");
            }

            long total = (long)seeds * windows;
            string mean = totalAlarms == 0 ? $">{total:N0}" : $"{(double)total / totalAlarms:N0}";
            output.WriteLine($"{target,8:N0} {total,10:N0} {totalAlarms,7} {featureAlarms,8} {outputAlarms,7} {mean,16}  {string.Join(", ", perSeed)}   (calibration {calibration:F0} ms, run {clock.Elapsed.TotalSeconds:F1} s)");
            if (named.Count > 0)
            {
                output.WriteLine($"{"",8} features named in those alarms: {string.Join(", ", named.Select(p => $"{p.Key} {p.Value}"))}");
            }
        }

        output.WriteLine("(alarms: verdicts with state Drift; 'feature' and 'output' say what raised them, both when both did)");
        output.WriteLine();
    }

    private static (int Alarms, int ByFeatures, int ByOutput) Stream(DriftReference reference, int seed, int windows, SortedDictionary<string, int> named)
    {
        var random = new Random(seed);
        var monitor = new DriftMonitor(reference, TimeProvider.System, NullLogger<DriftMonitor>.Instance);
        Span<float> row = stackalloc float[SyntheticModel.Width];
        Span<float> outputs = stackalloc float[1];
        int alarms = 0, byFeatures = 0, byOutput = 0;
        for (int w = 0; w < windows; w++)
        {
            SyntheticModel.Draw(random, row);
            outputs[0] = SyntheticModel.Score(row);
            if (monitor.Observe(row, outputs) is { State: DriftState.Drift } verdict)
            {
                alarms++;
                byFeatures += verdict.DriftedFeatures.Count > 0 ? 1 : 0;
                byOutput += verdict.OutputChangeDetected ? 1 : 0;
                foreach (string name in verdict.DriftedFeatures)
                {
                    named[name] = named.GetValueOrDefault(name) + 1;
                }

                monitor.Reset();
            }
        }

        return (alarms, byFeatures, byOutput);
    }
}
