using System.Diagnostics;
using System.Globalization;

namespace EdgeAgent.DriftEval;

/// <summary>Runs the sections of the evaluation and prints the report.</summary>
internal static class DriftEvaluation
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        string? cmapss = null;
        string only = "all";
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--cmapss" when i + 1 < args.Length:
                    cmapss = args[++i];
                    break;
                case "--only" when i + 1 < args.Length:
                    only = args[++i];
                    break;
                default:
                    error.WriteLine("usage: EdgeAgent.DriftEval [--cmapss DIR] [--only runlength|calibration|delay|cmapss]");
                    return 2;
            }
        }

        cmapss ??= Path.Combine(RepositoryRoot(), "..", "shared", "data", "cmapss_fd001");
        var clock = Stopwatch.StartNew();
        if (only is "all" or "runlength")
        {
            RunLengthExperiment.Run(output);
        }

        if (only is "all" or "calibration")
        {
            CalibrationCheck.Run(output);
        }

        if (only is "all" or "delay")
        {
            DelayExperiment.Run(output);
        }

        if (only is "all" or "cmapss")
        {
            string file = Path.Combine(cmapss, "train_FD001.txt");
            if (!File.Exists(file))
            {
                error.WriteLine($"C-MAPSS FD001 not found at {file}; pass --cmapss DIR");
                return 1;
            }

            CmapssReplay.Run(CmapssData.Read(file), output);
        }

        output.WriteLine($"(evaluation took {clock.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }

    /// <summary>The folder holding EdgeAgent.sln, above the program or the current directory.</summary>
    private static string RepositoryRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EdgeAgent.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
