using System.Globalization;

namespace EdgeAgent.DriftEval;

/// <summary>One engine's run to failure: 24 values (3 settings, 21 sensors) per cycle, in cycle order.</summary>
internal sealed record CmapssUnit(int Id, IReadOnlyList<float[]> Cycles)
{
    public int Life => Cycles.Count;
}

/// <summary>C-MAPSS FD001 training trajectories (train_FD001.txt: unit, cycle, 3 settings, 21 sensors, space-separated).</summary>
internal sealed record CmapssData(IReadOnlyList<CmapssUnit> Units)
{
    public static readonly string[] Names =
        ["op1", "op2", "op3", .. Enumerable.Range(1, 21).Select(i => $"s{i}")];

    public static CmapssData Read(string path)
    {
        var units = new SortedDictionary<int, SortedDictionary<int, float[]>>();
        foreach (string line in File.ReadLines(path))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            if (parts.Length != 26)
            {
                throw new InvalidDataException($"{path}: a line has {parts.Length} columns, not 26.");
            }

            int unit = int.Parse(parts[0], CultureInfo.InvariantCulture);
            int cycle = int.Parse(parts[1], CultureInfo.InvariantCulture);
            float[] values = [.. parts.Skip(2).Select(p => float.Parse(p, CultureInfo.InvariantCulture))];
            if (!units.TryGetValue(unit, out SortedDictionary<int, float[]>? cycles))
            {
                units[unit] = cycles = [];
            }

            cycles[cycle] = values;
        }

        return new CmapssData([.. units.Select(u => new CmapssUnit(u.Key, [.. u.Value.Values]))]);
    }
}
