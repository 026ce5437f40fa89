using EdgeAgent.ModelKit.Data;

namespace EdgeAgent.ModelKit.Training.Rul;

/// <summary>The cycles of one engine in a C-MAPSS file, each column as a series.</summary>
/// <param name="Unit">The engine number.</param>
/// <param name="Channels">Every column except <c>unit</c> (including <c>cycle</c>), by name, one value per cycle.</param>
/// <param name="FirstLine">The file line of the engine's first cycle.</param>
public sealed record CmapssEngine(int Unit, IReadOnlyDictionary<string, double[]> Channels, int FirstLine)
{
    /// <summary>The number of cycles recorded.</summary>
    public int Cycles => Channels["cycle"].Length;

    /// <summary>
    /// Splits a table read by <see cref="DelimitedReader.ReadCmapss"/> into engines. Each engine's rows must
    /// be contiguous and its cycles must count 1, 2, 3 …; anything else is reported with its line.
    /// </summary>
    public static IReadOnlyList<CmapssEngine> Split(DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.RequireColumns(DelimitedReader.CmapssColumns);
        double[] units = table.Numeric("unit");
        double[] cycles = table.Numeric("cycle");
        string[] names = [.. DelimitedReader.CmapssColumns.Where(c => c != "unit")];
        double[][] columns = [.. names.Select(table.Numeric)];
        var engines = new List<CmapssEngine>();
        var seen = new HashSet<int>();
        int start = 0;
        while (start < units.Length)
        {
            int unit = (int)units[start];
            if (units[start] != unit || !seen.Add(unit))
            {
                throw new DataFormatException(table.Source, table.Lines[start], $"unit {units[start]} is not a whole number or its rows are not contiguous.");
            }

            int end = start;
            while (end < units.Length && units[end] == units[start])
            {
                if (cycles[end] != end - start + 1)
                {
                    throw new DataFormatException(table.Source, table.Lines[end], $"unit {unit} has cycle {cycles[end]} where {end - start + 1} is expected.");
                }

                end++;
            }

            var channels = new Dictionary<string, double[]>(StringComparer.Ordinal);
            for (int c = 0; c < names.Length; c++)
            {
                channels[names[c]] = columns[c][start..end];
            }

            engines.Add(new CmapssEngine(unit, channels, table.Lines[start]));
            start = end;
        }

        return engines;
    }
}
