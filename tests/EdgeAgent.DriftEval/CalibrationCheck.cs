using EdgeAgent.Drift.Calibration;
using EdgeAgent.Drift.Monitoring;
using EdgeAgent.Packaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.DriftEval;

/// <summary>
/// Checks each feature test against the false-alarm probability it was calibrated for: non-overlapping in-control
/// batches (EvaluateEvery = WindowCount), counting how often each statistic passes its threshold, at three targets.
/// </summary>
internal static class CalibrationCheck
{
    private const int Batches = 20_000;
    private static readonly int[] Targets = [2_000, 20_000, 200_000];

    public static void Run(TextWriter output)
    {
        output.WriteLine($"== Feature tests against their calibrated false-alarm probability ({Batches:N0} independent in-control batches of 200) ==");
        ReferenceProfile profile = SyntheticModel.Profile(20_000, seed: 1);
        DriftReference[] references = [.. Targets.Select(t => DriftReference.Create(profile, SyntheticModel.Names, new DriftOptions { TargetRunLength = t, EvaluateEvery = 200 }))];
        DriftMonitor[] monitors = [.. references.Select(r => new DriftMonitor(r, TimeProvider.System, NullLogger<DriftMonitor>.Instance))];
        int width = SyntheticModel.Width;
        var psi = new int[Targets.Length, width];
        var distance = new int[Targets.Length, width];
        var random = new Random(77);
        Span<float> row = stackalloc float[width];
        for (long w = 0; w < Batches * 200L; w++)
        {
            SyntheticModel.Draw(random, row);
            for (int t = 0; t < monitors.Length; t++)
            {
                if (monitors[t].Observe(row) is { State: not DriftState.InsufficientData } verdict)
                {
                    for (int j = 0; j < width; j++)
                    {
                        FeatureDrift f = verdict.Features[j];
                        psi[t, j] += f.Psi > f.PsiThreshold ? 1 : 0;
                        distance[t, j] += f.Distance > f.DistanceThreshold ? 1 : 0;
                    }
                }
            }
        }

        int judged = Batches - 1;
        output.Write($"{"feature",-15}");
        foreach (DriftReference r in references)
        {
            output.Write($"  alpha {r.FeatureTestAlpha,-8:G2} expect {r.FeatureTestAlpha * judged,6:F1}: PSI / dist");
        }

        output.WriteLine();
        var totals = new int[Targets.Length, 2];
        for (int j = 0; j < width; j++)
        {
            output.Write($"{SyntheticModel.Names[j],-15}");
            for (int t = 0; t < Targets.Length; t++)
            {
                output.Write($"  {"",31}{psi[t, j],5} / {distance[t, j],4}");
                totals[t, 0] += psi[t, j];
                totals[t, 1] += distance[t, j];
            }

            output.WriteLine();
        }

        output.Write($"{"all 14 tests",-15}");
        for (int t = 0; t < Targets.Length; t++)
        {
            output.Write($"  {"expect " + (references[t].FeatureTestAlpha * judged * 7).ToString("F0") + " each",31}{totals[t, 0],5} / {totals[t, 1],4}");
        }

        output.WriteLine();
        output.WriteLine();
    }
}
