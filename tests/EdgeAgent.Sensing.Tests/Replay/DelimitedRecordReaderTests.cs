using EdgeAgent.Sensing.Replay;

namespace EdgeAgent.Sensing.Tests.Replay;

public sealed class DelimitedRecordReaderTests
{
    [Fact]
    public void ReadRecord_Csv_UnquotesAndTracksTheLineEachRecordBeganOn()
    {
        using var reader = Csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\r\n\"multi\nline\",x\r\nlast,\"\"");

        Assert.Equal(["1: a | b,c | say \"hi\"", "3: multi\nline | x", "5: last | "], ReadAll(reader));
    }

    [Fact]
    public void ReadRecord_TextAfterClosingQuote_ReturnsTheRecordWithAnError()
    {
        using var reader = Csv("\"1\"x,2\n3,4\n");

        Assert.True(reader.ReadRecord());
        Assert.Equal("text follows a closing quote", reader.Error);
        Assert.True(reader.ReadRecord());
        Assert.Null(reader.Error);
        Assert.Equal("3", reader.Field(0).ToString());
    }

    [Fact]
    public void ReadRecord_Whitespace_SplitsOnRunsOfSpacesAndTabs()
    {
        using var reader = new DelimitedRecordReader(new StringReader("  1 2\t\t3   \n\n4 5 \r\n"), whitespaceSeparated: true);

        Assert.Equal(["1: 1 | 2 | 3", "3: 4 | 5"], ReadAll(reader));
    }

    [Fact]
    public void ReadRecord_LeadingByteOrderMark_IsDropped()
    {
        using var reader = Csv("\uFEFFname,value\n");

        Assert.True(reader.ReadRecord());
        Assert.Equal("name", reader.Field(0).ToString());
    }

    private static DelimitedRecordReader Csv(string text) => new(new StringReader(text), whitespaceSeparated: false);

    /// <summary>Each record as "line: field | field".</summary>
    private static List<string> ReadAll(DelimitedRecordReader reader)
    {
        var records = new List<string>();
        while (reader.ReadRecord())
        {
            Assert.Null(reader.Error);
            records.Add($"{reader.LineNumber}: {string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.Field(i).ToString()))}");
        }

        return records;
    }
}
