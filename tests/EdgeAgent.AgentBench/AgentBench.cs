using System.Diagnostics;
using System.Globalization;

namespace EdgeAgent.AgentBench;

/// <summary>Runs the in-process and the process benchmarks and prints the figures against their targets.</summary>
internal static class AgentBench
{
    public const string Usage = "usage: AgentBench --package DEMO.eapkg --agent edgeagent.dll [--rows N] [--passes N] [--seconds N] [--starts N]";

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? package = null, agent = null;
        int rows = 1_000_000, passes = 5, seconds = 30, starts = 5;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--package": package = args[i + 1]; break;
                case "--agent": agent = args[i + 1]; break;
                case "--rows": rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--passes": passes = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--starts": starts = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: await error.WriteLineAsync(Usage).ConfigureAwait(false); return 2;
            }
        }

        if (package is null || agent is null || !File.Exists(package) || !File.Exists(agent))
        {
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        // The agent runs in a folder of its own: hand it absolute paths.
        package = Path.GetFullPath(package);
        agent = Path.GetFullPath(agent);

        // Ingest on one core: pin this process to CPU 0 for the in-process part, then give the cores back.
        using Process self = Process.GetCurrentProcess();
        nint cores = self.ProcessorAffinity;
        self.ProcessorAffinity = 1;
        IngestResult ingest;
        try
        {
            ingest = await IngestBench.RunAsync(package, rows, passes, output).ConfigureAwait(false);
        }
        finally
        {
            self.ProcessorAffinity = cores;
        }

        ProcessResult process = await ProcessBench.RunAsync(agent, package, seconds, starts, output).ConfigureAwait(false);

        output.WriteLine();
        output.WriteLine("| figure | measured | target | baseline in the same run |");
        output.WriteLine("|---|---|---|---|");
        output.WriteLine(Invariant($"| ingest, features + int8 model + decisions + store, one core | {ingest.PipelineSamplesPerSecond / 1e6:F2} M samples/s | >= 1.00 M | features only {ingest.FeaturesSamplesPerSecond / 1e6:F2} M samples/s (pipeline/features = {ingest.PipelineSamplesPerSecond / ingest.FeaturesSamplesPerSecond:F2}) |"));
        output.WriteLine(Invariant($"| window close -> decision, p99 (worst pass; the first includes JIT warm-up) | {ingest.DecisionP99.TotalMilliseconds:F3} ms (p50 {ingest.DecisionP50.TotalMilliseconds:F3}, max {ingest.DecisionMax.TotalMilliseconds:F3}) | <= 5 ms | bare model run p99 {ingest.BareRunP99.TotalMilliseconds:F3} ms (ratio {ingest.DecisionP99 / ingest.BareRunP99:F2}) |"));
        output.WriteLine(Invariant($"| resident memory, steady, page on | {process.SteadyRssMb:F1} MB (peak {process.PeakRssMb:F1} MB; anonymous {process.AnonMb:F1}, file-backed {process.FileMb:F1}, shared {process.ShmemMb:F1}) | <= 80 MB | working set over 10 s {process.WorkingSetMb:F1} MB |"));
        output.WriteLine(Invariant($"| start -> first prediction (median of {starts}) | {process.FirstPrediction.TotalSeconds:F2} s (agent's own count {process.FirstPredictionReported.TotalSeconds:F2} s) | <= 2 s | |"));
        return 0;
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
