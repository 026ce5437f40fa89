namespace EdgeAgent.ModelKit.Data;

/// <summary>
/// Reads CSV files with a header row (comma-separated, double quotes for fields holding commas) and
/// headerless whitespace-separated files such as NASA C-MAPSS. Ragged rows are rejected with their line.
/// </summary>
public static class DelimitedReader
{
    /// <summary>The 26 columns of a C-MAPSS file: unit, cycle, three operational settings, sensors s1 to s21.</summary>
    public static readonly IReadOnlyList<string> CmapssColumns =
        ["unit", "cycle", "op1", "op2", "op3", .. Enumerable.Range(1, 21).Select(i => $"s{i}")];

    /// <summary>Reads a CSV file whose first line names the columns.</summary>
    public static DataTable ReadCsv(string path)
    {
        using StreamReader reader = Open(path);
        string? header = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new DataFormatException(path, 1, "the file is empty; a header line naming the columns is expected.");
        }

        string[] columns = [.. SplitCsv(header.TrimStart('\uFEFF'), path, 1).Select(c => c.Trim())];
        var rows = new List<string[]>();
        var lines = new List<int>();
        int lineNumber = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0 || (line.Length == 1 && line[0] == '\r'))
            {
                continue;
            }

            string[] fields = SplitCsv(line.TrimEnd('\r'), path, lineNumber);
            if (fields.Length != columns.Length)
            {
                throw new DataFormatException(path, lineNumber, $"the row has {fields.Length} fields but the header names {columns.Length} columns.");
            }

            rows.Add(fields);
            lines.Add(lineNumber);
        }

        return Checked(new DataTable(path, columns, rows, lines));
    }

    /// <summary>Reads a headerless whitespace-separated file; <paramref name="columns"/> names its columns.</summary>
    public static DataTable ReadWhitespace(string path, IReadOnlyList<string> columns)
    {
        using StreamReader reader = Open(path);
        var rows = new List<string[]>();
        var lines = new List<int>();
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            string[] fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            if (fields.Length != columns.Count)
            {
                throw new DataFormatException(path, lineNumber, $"the row has {fields.Length} fields but {columns.Count} are expected.");
            }

            rows.Add(fields);
            lines.Add(lineNumber);
        }

        return Checked(new DataTable(path, columns, rows, lines));
    }

    /// <summary>Reads a C-MAPSS train or test file, checking that every field is a number.</summary>
    public static DataTable ReadCmapss(string path)
    {
        DataTable table = ReadWhitespace(path, CmapssColumns);
        for (int c = 0; c < table.Columns.Count; c++)
        {
            table.Numeric(c);
        }

        return table;
    }

    private static DataTable Checked(DataTable table) =>
        table.RowCount > 0 ? table : throw new DataFormatException(table.Source, 0, "the file has no data rows.");

    private static StreamReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, 0, "the file does not exist.");
        }

        return new StreamReader(path, detectEncodingFromByteOrderMarks: true);
    }

    private static string[] SplitCsv(string line, string path, int lineNumber)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new DataFormatException(path, lineNumber, "a quoted field is not closed.");
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
