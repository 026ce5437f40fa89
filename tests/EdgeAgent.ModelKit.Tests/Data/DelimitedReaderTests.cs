using EdgeAgent.ModelKit.Data;
using EdgeAgent.TestKit;

namespace EdgeAgent.ModelKit.Tests.Data;

public sealed class DelimitedReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgeagent-data-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void ReadCsv_RaggedRow_NamesFileAndLine()
    {
        string path = Write("ragged.csv", "a,b,c\n1,2,3\n4,5\n");

        var ex = Assert.Throws<DataFormatException>(() => DelimitedReader.ReadCsv(path));

        Assert.Equal(3, ex.Line);
        Assert.StartsWith($"{path}:3: the row has 2 fields but the header names 3 columns", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numeric_TextInNumericColumn_NamesFileLineColumnAndValue()
    {
        string path = Write("text.csv", "temp,torque\n300.1,40\n\n300.2,forty\n");
        DataTable table = DelimitedReader.ReadCsv(path);

        var ex = Assert.Throws<DataFormatException>(() => table.Numeric("torque"));

        Assert.Equal($"{path}:4: column 'torque' holds 'forty', which is not a finite number.", ex.Message);
    }

    [Fact]
    public void RequireColumns_MissingColumns_ListsThemAll()
    {
        DataTable table = DelimitedReader.ReadCsv(Write("cols.csv", "a,b\n1,2\n"));

        var ex = Assert.Throws<DataFormatException>(() => table.RequireColumns(["a", "x", "y"]));

        Assert.Contains("missing column(s) 'x', 'y'; the columns are 'a', 'b'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_QuotedCommaBomAndCrlf_AreHandled()
    {
        string path = Write("quoted.csv", "\uFEFFid,\"name, full\",v\r\n1,\"pump, north\",2.5\r\n");

        DataTable table = DelimitedReader.ReadCsv(path);

        Assert.Equal(["id", "name, full", "v"], table.Columns);
        Assert.Equal("pump, north", table.Text("name, full")[0]);
        Assert.Equal([2.5], table.Numeric("v"));
    }

    [Fact]
    public void ReadCsv_EmptyOrHeaderOnlyOrMissing_SaysSo()
    {
        Assert.Contains("the file is empty", Assert.Throws<DataFormatException>(() => DelimitedReader.ReadCsv(Write("empty.csv", ""))).Message, StringComparison.Ordinal);
        Assert.Contains("no data rows", Assert.Throws<DataFormatException>(() => DelimitedReader.ReadCsv(Write("header.csv", "a,b\n"))).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Throws<DataFormatException>(() => DelimitedReader.ReadCsv(Path.Combine(_dir, "nope.csv"))).Message, StringComparison.Ordinal);
        Assert.Contains("not closed", Assert.Throws<DataFormatException>(() => DelimitedReader.ReadCsv(Write("quote.csv", "a\n\"x\n"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCmapss_RaggedOrTextRow_NamesFileAndLine()
    {
        string good = string.Join(' ', Enumerable.Range(1, 26)) + " ";
        string ragged = Write("ragged.txt", $"{good}\n{good}\n1 2 3\n");
        string text = Write("text.txt", $"{good}\n{good.Replace(" 7 ", " x7 ", StringComparison.Ordinal)}\n");

        Assert.StartsWith($"{ragged}:3: the row has 3 fields but 26 are expected", Assert.Throws<DataFormatException>(() => DelimitedReader.ReadCmapss(ragged)).Message, StringComparison.Ordinal);
        Assert.StartsWith($"{text}:2: column 's2' holds 'x7'", Assert.Throws<DataFormatException>(() => DelimitedReader.ReadCmapss(text)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCmapss_Fd001Train_ReadsEveryRow()
    {
        DataTable table = DelimitedReader.ReadCmapss(SharedAssets.Data("cmapss_fd001", "train_FD001.txt"));

        Assert.Equal(20631, table.RowCount);
        Assert.Equal(100, table.Numeric("unit").Distinct().Count());
    }

    [Fact]
    public void ReadCsv_Ai4i_ReadsEveryRowWithTextColumns()
    {
        DataTable table = DelimitedReader.ReadCsv(SharedAssets.Data("ai4i2020", "ai4i2020.csv"));

        Assert.Equal(10000, table.RowCount);
        Assert.Equal(339, table.Numeric("Machine failure").Count(v => v == 1));
        Assert.StartsWith("M", table.Text("Product ID")[0], StringComparison.Ordinal);
    }
}
