using EdgeAgent.Features.Windows;
using EdgeAgent.Packaging;

namespace EdgeAgent.ModelKit.Training.Features;

/// <summary>
/// The feature rows of raw samples cut into a feature spec's windows by the agent's own feature stage: one row of
/// <see cref="FeatureSpec.Width"/> values per usable window, in <see cref="FeatureSpec.ValueNames"/> order.
/// </summary>
public sealed record WindowedRows
{
    /// <summary>Where the samples came from.</summary>
    public required string Source { get; init; }

    /// <summary>The spec the windows were cut and computed by.</summary>
    public required FeatureSpec Spec { get; init; }

    /// <summary>The usable windows' values, row-major.</summary>
    public required float[] Rows { get; init; }

    /// <summary>For each usable window, the 0-based index of its newest sample among the file's sample rows.</summary>
    public required IReadOnlyList<int> WindowEnds { get; init; }

    /// <summary>Sample rows read.</summary>
    public required int Samples { get; init; }

    /// <summary>Windows that fell due, skipped ones included.</summary>
    public required long Windows { get; init; }

    /// <summary>Windows left out because faulty samples could not be repaired (NaN runs, for example).</summary>
    public required long SkippedWindows { get; init; }

    /// <summary>Windows whose faulty samples were repaired (interpolated or held) and kept.</summary>
    public required long RepairedWindows { get; init; }

    /// <summary>The latest skipped windows with their reasons (up to 16), oldest first.</summary>
    public required IReadOnlyList<SkippedWindow> RecentSkips { get; init; }

    /// <summary>Values per row.</summary>
    public int Width => Spec.Width;

    /// <summary>Usable windows: the rows.</summary>
    public int Count => WindowEnds.Count;

    /// <summary>
    /// Marks each usable window whose samples include one with a nonzero label (<paramref name="sampleLabels"/> has one
    /// value per sample row), for evaluating a detector on labelled recordings.
    /// </summary>
    public bool[] LabelWindows(IReadOnlyList<double> sampleLabels)
    {
        ArgumentNullException.ThrowIfNull(sampleLabels);
        if (sampleLabels.Count != Samples)
        {
            throw new ArgumentException($"{sampleLabels.Count} labels were given for {Samples} samples.", nameof(sampleLabels));
        }

        // A prefix count of labelled samples answers "any labelled sample in [first, last]" in constant time per window.
        var labelled = new int[Samples + 1];
        for (int i = 0; i < Samples; i++)
        {
            labelled[i + 1] = labelled[i] + (sampleLabels[i] != 0 ? 1 : 0);
        }

        var windows = new bool[Count];
        for (int w = 0; w < windows.Length; w++)
        {
            int last = WindowEnds[w];
            int first = Math.Max(0, last - Spec.Window + 1);
            windows[w] = labelled[last + 1] - labelled[first] > 0;
        }

        return windows;
    }
}
