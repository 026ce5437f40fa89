using System.Globalization;
using EdgeAgent.Drift.Calibration;
using EdgeAgent.Drift.Monitoring;
using EdgeAgent.Drift.Tests.Support;
using EdgeAgent.Packaging;
using EdgeAgent.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace EdgeAgent.Drift.Tests.Cmapss;

/// <summary>
/// The monitor on real run-to-failure data (C-MAPSS FD001, every fifth engine). Each engine's reference is its even
/// cycles among the first 60; its odd ones, interleaved with the reference and so in the same healthy state, are
/// streamed first and must not be flagged; the rest of its life follows, and must be flagged well before failure.
/// </summary>
public sealed class CmapssDriftTests(ITestOutputHelper output)
{
    private const int HealthyCycles = 60;
    private static readonly string[] Names = ["op1", "op2", "op3", .. Enumerable.Range(1, 21).Select(i => $"s{i}")];

    /// <summary>The operating settings and the sensors SOURCE.md lists as constant or nearly so in FD001: degradation cannot show in them.</summary>
    private static readonly string[] Uninformative = ["op1", "op2", "op3", "s1", "s5", "s6", "s10", "s16", "s18", "s19"];

    [SharedDataFact("cmapss_fd001", "train_FD001.txt")]
    public void Replay_EachEngine_QuietOnHeldOutHealthyCyclesAndFlaggedLateInLifeInDegradingSensors()
    {
        Dictionary<int, List<float[]>> engines = Read(SharedAssets.Data("cmapss_fd001", "train_FD001.txt"));
        var options = new DriftOptions { WindowCount = 20, EvaluateEvery = 1, MinimumWindows = 20 };
        var flaggedAt = new List<double>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        int healthyAlarms = 0, judgedHealthy = 0;
        foreach ((int id, List<float[]> cycles) in engines.Where(e => e.Key % 5 == 0))
        {
            float[][] even = [.. cycles.Take(HealthyCycles).Where((_, i) => i % 2 == 1)];
            float[][] odd = [.. cycles.Take(HealthyCycles).Where((_, i) => i % 2 == 0)];
            var profile = new ReferenceProfile { Features = [.. Names.Select((n, j) => ValueProfile.Of(n, [.. even.Select(r => (double)r[j])]))] };
            var monitor = new DriftMonitor(DriftReference.Create(profile, Names, options), TimeProvider.System, NullLogger<DriftMonitor>.Instance);

            foreach (float[] row in odd)
            {
                if (monitor.Observe(row) is { State: not DriftState.InsufficientData } verdict)
                {
                    judgedHealthy++;
                    healthyAlarms += verdict.State == DriftState.Drift ? 1 : 0;
                }
            }

            int? flagged = null;
            for (int c = HealthyCycles; c < cycles.Count && flagged is null; c++)
            {
                if (monitor.Observe(cycles[c]) is { State: DriftState.Drift } verdict)
                {
                    flagged = c + 1;
                    named.UnionWith(verdict.DriftedFeatures);
                }
            }

            output.WriteLine($"engine {id}: life {cycles.Count}, flagged at cycle {flagged?.ToString(CultureInfo.InvariantCulture) ?? "never"}");
            if (flagged is { } cycle)
            {
                flaggedAt.Add((double)cycle / cycles.Count);
            }
        }

        Assert.Equal(20 * 11, judgedHealthy);
        Assert.Equal(0, healthyAlarms);
        Assert.True(flaggedAt.Count >= 18, $"only {flaggedAt.Count} of 20 engines flagged before failure");
        Assert.All(flaggedAt, f => Assert.InRange(f, 0.4, 1.0));
        Assert.NotEmpty(named);
        Assert.Empty(named.Intersect(Uninformative));
    }

    private static Dictionary<int, List<float[]>> Read(string path)
    {
        var engines = new Dictionary<int, List<float[]>>();
        foreach (string line in File.ReadLines(path))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 26)
            {
                int unit = int.Parse(parts[0], CultureInfo.InvariantCulture);
                if (!engines.TryGetValue(unit, out List<float[]>? cycles))
                {
                    engines[unit] = cycles = [];
                }

                cycles.Add([.. parts.Skip(2).Select(p => float.Parse(p, CultureInfo.InvariantCulture))]);
            }
        }

        return engines;
    }
}
