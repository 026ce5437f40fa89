using System.Globalization;

namespace EdgeAgent.ModelKit.Data;

/// <summary>
/// Rows of named fields read from a file, each row remembering its line. Numeric columns are parsed
/// on request, so a text column (a product id) does not stop the file from loading, and a bad number
/// is reported with its file, line and column.
/// </summary>
public sealed class DataTable
{
    private readonly Dictionary<string, int> _index;

    internal DataTable(string source, IReadOnlyList<string> columns, List<string[]> rows, List<int> lines)
    {
        Source = source;
        Columns = columns;
        Rows = rows;
        Lines = lines;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Count; i++)
        {
            if (!_index.TryAdd(columns[i], i))
            {
                throw new DataFormatException(source, 1, $"column '{columns[i]}' appears twice in the header.");
            }
        }
    }

    /// <summary>The file the rows came from.</summary>
    public string Source { get; }

    /// <summary>Column names, in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The raw fields of each row.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>The 1-based file line of each row.</summary>
    public IReadOnlyList<int> Lines { get; }

    public int RowCount => Rows.Count;

    /// <summary>The position of a column; throws naming the file and the columns it has.</summary>
    public int ColumnIndex(string name) =>
        _index.TryGetValue(name, out int i) ? i : throw new DataFormatException(Source, 0,
            $"no column '{name}'; the columns are {string.Join(", ", Columns.Select(c => $"'{c}'"))}.");

    /// <summary>Checks that every named column is there, reporting all missing ones at once.</summary>
    public void RequireColumns(IEnumerable<string> names)
    {
        string[] missing = [.. names.Where(n => !_index.ContainsKey(n))];
        if (missing.Length > 0)
        {
            throw new DataFormatException(Source, 1,
                $"missing column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}; the columns are {string.Join(", ", Columns.Select(c => $"'{c}'"))}.");
        }
    }

    /// <summary>A column as numbers; throws with file, line and column at the first field that is not a finite number.</summary>
    public double[] Numeric(string name) => Numeric(ColumnIndex(name));

    /// <summary>A column (by position) as numbers.</summary>
    public double[] Numeric(int column)
    {
        var values = new double[Rows.Count];
        for (int r = 0; r < Rows.Count; r++)
        {
            string field = Rows[r][column];
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                throw new DataFormatException(Source, Lines[r], $"column '{Columns[column]}' holds '{field}', which is not a finite number.");
            }

            values[r] = value;
        }

        return values;
    }

    /// <summary>A column as text.</summary>
    public string[] Text(string name)
    {
        int column = ColumnIndex(name);
        return [.. Rows.Select(r => r[column])];
    }
}
