using System.Globalization;
using EdgeAgent.Features;
using EdgeAgent.Features.Computation;
using EdgeAgent.Features.Quality;
using EdgeAgent.ModelKit.Data;

namespace EdgeAgent.ModelKit.Training.Features;

/// <summary>
/// Cuts raw samples into a feature spec's windows and computes each window's features with the agent's
/// <see cref="FeatureStage"/>, the code a device runs, so training rows and device rows agree bit for bit. Samples pass
/// the same sample-quality checks: a missing sample (an empty field or NaN) is repaired or its window skipped as the
/// agent would.
/// </summary>
public static class SampleWindows
{
    /// <summary>
    /// Computes the feature rows of a table of samples: one row per sample, one column per channel of
    /// <paramref name="plan"/> (named as in the spec; other columns, such as a timestamp, are ignored). Rows are fed in
    /// file order without timestamps, so timing checks do not apply.
    /// </summary>
    /// <param name="table">The samples.</param>
    /// <param name="plan">The compiled spec, with the channels' sample rates.</param>
    /// <param name="quality">Sample-quality options per channel, as the agent would be configured; default the agent's defaults.</param>
    /// <exception cref="DataFormatException">A channel of the spec is not a column, or a field is not a number.</exception>
    public static WindowedRows Compute(DataTable table, FeaturePlan plan, IReadOnlyDictionary<string, SampleQualityOptions>? quality = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(plan);
        string[] missing = [.. plan.Channels.Where(c => !table.Columns.Contains(c, StringComparer.Ordinal))];
        if (missing.Length > 0)
        {
            throw new DataFormatException(table.Source, 1,
                $"the feature spec's channel(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} are not columns of the header; the columns are {string.Join(", ", table.Columns.Select(c => $"'{c}'"))}.");
        }

        double[][] channels = [.. plan.Channels.Select(c => Samples(table, table.ColumnIndex(c)))];
        var stage = new FeatureStage(plan, quality, ReplayClock.Instance);
        int width = plan.Width;
        var features = new float[width];
        var rows = new List<float>();
        var ends = new List<int>();
        var row = new double[channels.Length];
        for (int r = 0; r < table.RowCount; r++)
        {
            for (int c = 0; c < channels.Length; c++)
            {
                row[c] = channels[c][r];
            }

            if (stage.TryPushRow(row, null, features, out _))
            {
                rows.AddRange(features);
                ends.Add(r);
            }
        }

        return new WindowedRows
        {
            Source = table.Source,
            Spec = plan.Spec,
            Rows = [.. rows],
            WindowEnds = ends,
            Samples = table.RowCount,
            Windows = stage.Assembler.Windows,
            SkippedWindows = stage.Assembler.SkippedWindows,
            RepairedWindows = stage.Assembler.RepairedWindows,
            RecentSkips = stage.Assembler.RecentSkips,
        };
    }

    /// <summary>A column as samples: numbers, with an empty field or NaN read as a missing sample (NaN).</summary>
    private static double[] Samples(DataTable table, int column)
    {
        var values = new double[table.RowCount];
        for (int r = 0; r < values.Length; r++)
        {
            string field = table.Rows[r][column].Trim();
            if (field.Length == 0)
            {
                values[r] = double.NaN;
            }
            else if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out values[r]))
            {
                throw new DataFormatException(table.Source, table.Lines[r],
                    $"column '{table.Columns[column]}' holds '{field}', which is not a number (leave the field empty or write NaN for a missing sample).");
            }
        }

        return values;
    }
}
