using System.CommandLine;
using System.Globalization;
using EdgeAgent.Features.Computation;
using EdgeAgent.Features.Windows;
using EdgeAgent.ModelKit.Data;
using EdgeAgent.ModelKit.Packaging;
using EdgeAgent.ModelKit.Training.Features;
using EdgeAgent.Packaging;

namespace EdgeAgent.Kit;

/// <summary>Raw-sample input shared by the verbs that take <c>--samples</c>: the sample rate, the compiled spec, the windows.</summary>
internal static class KitSamples
{
    /// <summary>How many skipped windows are described one by one before the rest are only counted.</summary>
    private const int SkipsShown = 5;

    public static Option<double?> SampleRateOption() => new("--sample-rate")
    {
        Description = "samples per second of every channel in Hz (needed by band_energy features); the agent takes it from its sensor channels",
    };

    /// <summary>Compiles <paramref name="spec"/> as the agent will, every channel at <paramref name="sampleRate"/> Hz.</summary>
    /// <exception cref="KitException">The rate is not a positive number, or band energies need one and none was given.</exception>
    /// <exception cref="DataFormatException">The agent cannot compute the spec.</exception>
    public static FeaturePlan Plan(string specSource, FeatureSpec spec, double? sampleRate)
    {
        if (sampleRate is { } given && !(double.IsFinite(given) && given > 0))
        {
            throw new KitException(string.Create(CultureInfo.InvariantCulture, $"--sample-rate {given} is not a positive number of samples per second."));
        }

        string[] banded = [.. spec.Channels.Where(c => c.Features.Any(f => f.StartsWith("band_energy", StringComparison.Ordinal))).Select(c => $"'{c.Name}'")];
        if (sampleRate is null && banded.Length > 0)
        {
            throw new KitException($"{specSource}: channel(s) {string.Join(", ", banded)} ask for band_energy, which needs the samples' rate: give it with --sample-rate HZ.");
        }

        Dictionary<string, double> rates = sampleRate is { } rate
            ? spec.Channels.ToDictionary(c => c.Name, _ => rate, StringComparer.Ordinal)
            : [];
        return FeatureSpecFile.Compile(specSource, spec, rates);
    }

    /// <summary>Reads a CSV of samples, computes its windows' features with the agent's feature stage and reports them.</summary>
    public static (DataTable Table, WindowedRows Windows) Read(TextWriter output, string samplesPath, FeaturePlan plan)
    {
        DataTable table = DelimitedReader.ReadCsv(samplesPath);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {table.RowCount} samples of {plan.Channels.Count} channels from {table.Source}"));
        WindowedRows windows = SampleWindows.Compute(table, plan);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"computed {windows.Windows} windows of {plan.Window} samples every {plan.Hop}: {windows.Count} usable ({windows.RepairedWindows} repaired), {windows.SkippedWindows} skipped and left out; {plan.Width} features each"));
        foreach (SkippedWindow skip in windows.RecentSkips.Take(SkipsShown))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  skipped window {skip.Sequence}: {skip.Reason}"));
        }

        if (windows.SkippedWindows > SkipsShown)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... and {windows.SkippedWindows - SkipsShown} more skipped windows"));
        }

        return (table, windows);
    }
}
