using EdgeAgent.ModelKit.Data;
using EdgeAgent.ModelKit.Quantization;

namespace EdgeAgent.Kit;

/// <summary>Calibration rows for a single-input model: a CSV of feature rows, or synthetic standard-normal rows.</summary>
internal static class CalibrationSource
{
    private const int BatchRows = 64;

    /// <summary>
    /// Rows from a CSV: the named columns, or every column when none are named, in order; each row is
    /// one model input row of that width.
    /// </summary>
    public static CalibrationData FromCsv(string path, string inputName, IReadOnlyList<string>? columns)
    {
        DataTable table = DelimitedReader.ReadCsv(path);
        IReadOnlyList<string> used = columns is { Count: > 0 } ? columns : table.Columns;
        table.RequireColumns(used);
        double[][] values = [.. used.Select(table.Numeric)];
        var rows = new float[table.RowCount][];
        for (int r = 0; r < rows.Length; r++)
        {
            rows[r] = [.. values.Select(column => (float)column[r])];
        }

        return Batched(inputName, rows);
    }

    /// <summary>Standard-normal rows, for models whose training data is not at hand (say so when reporting).</summary>
    public static CalibrationData Synthetic(string inputName, int width, int count, int seed)
    {
        var random = new Random(seed);
        var rows = new float[count][];
        for (int r = 0; r < count; r++)
        {
            rows[r] = [.. Enumerable.Range(0, width).Select(_ => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];
        }

        return Batched(inputName, rows);
    }

    private static CalibrationData Batched(string inputName, float[][] rows) =>
        CalibrationData.FromFloatArrays(rows.Chunk(BatchRows).Select(chunk =>
            (IReadOnlyDictionary<string, float[]>)new Dictionary<string, float[]> { [inputName] = [.. chunk.SelectMany(r => r)] }));
}
