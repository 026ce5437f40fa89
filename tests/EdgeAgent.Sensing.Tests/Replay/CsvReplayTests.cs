using EdgeAgent.Sensing.Replay;
using EdgeAgent.Sensing.Tests.Support;
using EdgeAgent.TestKit;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Sensing.Tests.Replay;

public sealed class CsvReplayTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReadAsync_IsoTimeColumn_PacesByTheFilesTimesAndKeepsThem()
    {
        string path = _dir.Write("timed.csv", """
            time,vib_x,temperature
            2026-01-01T00:00:00.000Z,0.5,40.1
            2026-01-01T00:00:00.100Z,-0.25,40.2
            2026-01-01T00:00:00.200Z,1e-3,40.3

            """);
        var clock = new ManualTimeProvider();
        await using var source = new ReplaySource(new ReplayOptions { Path = path, TimeColumn = "time" }, clock);
        var block = new SampleBlock(2, 10);
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.True(await source.ReadAsync(block, CancellationToken.None).AsTask().WaitAsync(Timeout));
        Assert.Equal(1, block.Count);
        Assert.Equal(t0, block.Timestamp(0));
        Assert.Equal([0.5, 40.1], block.Row(0).ToArray());

        Task<bool> second = source.ReadAsync(block, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(51));
        Assert.True(await second.WaitAsync(Timeout));
        Assert.Equal(1, block.Count); // the third row is due at 200 ms, not yet
        Assert.Equal(t0.AddMilliseconds(100), block.Timestamp(0));

        clock.Advance(TimeSpan.FromMilliseconds(50));
        Assert.False(await source.ReadAsync(block, CancellationToken.None).AsTask().WaitAsync(Timeout)); // the end: last row held
        Assert.Equal([0.001, 40.3], block.Row(0).ToArray());
        Assert.False(await source.ReadAsync(block, CancellationToken.None));
        Assert.Equal(0, block.Count);
    }

    [Fact]
    public async Task ReadAsync_SecondsTimeColumn_StampsStartPlusSeconds()
    {
        string path = _dir.Write("seconds.csv", "t,a\n0,1\n0.0001,2\n2.5,3\n");
        var options = new ReplayOptions { Path = path, TimeColumn = "t", Rate = 0, StartTime = Start };
        await using var source = new ReplaySource(options, new ManualTimeProvider());

        Recording recording = await Recording.ReadAsync(source, 10);

        Assert.Equal([Start, Start.AddTicks(1_000), Start.AddSeconds(2.5)], recording.Timestamps);
    }

    [Fact]
    public async Task ReadAsync_RateWithoutTimeColumn_StampsAndPacesEvenly()
    {
        string path = _dir.Write("plain.csv", "a,b\n1,10\n2,20\n3,30\n4,40\n5,50\n");
        var clock = new ManualTimeProvider();
        await using var source = new ReplaySource(new ReplayOptions { Path = path, Rate = 4, StartTime = Start }, clock);
        var block = new SampleBlock(2, 10);

        await source.ReadAsync(block, CancellationToken.None).AsTask().WaitAsync(Timeout);
        Assert.Equal(1, block.Count);
        Task<bool> next = source.ReadAsync(block, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(500)); // rows at 250 and 500 ms
        await next.WaitAsync(Timeout);

        Assert.Equal(2, block.Count);
        Assert.Equal([2.0, 20.0], block.Row(0).ToArray());
        Assert.Equal(Start.AddMilliseconds(250), block.Timestamp(0));
        Assert.Equal(Start.AddMilliseconds(500), block.Timestamp(1));
        Assert.All(source.Channels, c => Assert.Equal(4, c.SampleRate));
    }

    [Fact]
    public async Task ReadAsync_RateWithTimeColumn_PacesByRateButKeepsTheFilesTimes()
    {
        string path = _dir.Write("both.csv", "time,a\n2026-01-01T00:00:00Z,1\n2026-01-01T00:00:10Z,2\n2026-01-01T00:00:20Z,3\n");
        var clock = new ManualTimeProvider();
        await using var source = new ReplaySource(new ReplayOptions { Path = path, TimeColumn = "time", Rate = 100 }, clock);
        var block = new SampleBlock(1, 10);
        await source.ReadAsync(block, CancellationToken.None).AsTask().WaitAsync(Timeout);

        Task<bool> next = source.ReadAsync(block, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(10)); // 100 rows per second: the next one 10 ms later, not 10 s

        Assert.True(await next.WaitAsync(Timeout));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 10, TimeSpan.Zero), block.Timestamp(0));
    }

    [Fact]
    public async Task Channels_NotSet_AreTheNumericColumnsButTheTimeColumn()
    {
        await using var source = new ReplaySource(
            new ReplayOptions { Path = SharedAssets.Data("ai4i2020", "ai4i2020.csv"), TimeColumn = "UDI", Rate = 0 },
            new ManualTimeProvider());

        Recording recording = await Recording.ReadAsync(source, int.MaxValue);

        Assert.Equal(
            ["Air temperature [K]", "Process temperature [K]", "Rotational speed [rpm]", "Torque [Nm]", "Tool wear [min]", "Machine failure", "TWF", "HDF", "PWF", "OSF", "RNF"],
            source.Channels.Select(c => c.Name));
        Assert.Equal(10_000, recording.Count);
        Assert.Equal([298.1, 308.6, 1551, 42.8, 0, 0, 0, 0, 0, 0, 0], recording.Rows[0]); // file line 2: 1,M14860,M,298.1,...
    }

    [Fact]
    public async Task ReadAsync_QuotedFieldsBomAndCrLf_AreRead()
    {
        string path = _dir.File("quoted.csv");
        await File.WriteAllBytesAsync(path, [0xEF, 0xBB, 0xBF, .. "\"vib, x\",\"note\",b\r\n\"1.5\",\"a, \"\"quoted\"\" note\",2\r\n-3,\"two\nlines\",4\r\n"u8.ToArray()]);
        var options = new ReplayOptions { Path = path, Rate = 0, Channels = ["vib, x", "b"] };
        await using var source = new ReplaySource(options, new ManualTimeProvider());

        Recording recording = await Recording.ReadAsync(source, 10);

        Assert.Equal([[1.5, 2.0], [-3.0, 4.0]], recording.Rows);
    }

    [Fact]
    public async Task ReadAsync_EmptyField_GivesNaN()
    {
        string path = _dir.Write("gaps.csv", "a,b\n1,\n,4\n");
        await using var source = new ReplaySource(new ReplayOptions { Path = path, Rate = 0 }, new ManualTimeProvider());

        Recording recording = await Recording.ReadAsync(source, 10);

        Assert.True(double.IsNaN(recording.Rows[0][1]));
        Assert.True(double.IsNaN(recording.Rows[1][0]));
        Assert.Equal(4.0, recording.Rows[1][1]);
    }

    [Fact]
    public async Task ReadAsync_BadNumberUnderFail_ThrowsNamingFileAndLine()
    {
        string path = _dir.Write("bad.csv", "a,b\n1,2\n3,4\n5,x7\n9,10\n");
        var options = new ReplayOptions { Path = path, Rate = 0, OnBadRow = BadRowPolicy.Fail };
        await using var source = new ReplaySource(options, new ManualTimeProvider());

        var ex = await Assert.ThrowsAsync<SensorException>(() => Recording.ReadAsync(source, 100));

        Assert.Contains($"{path}:4:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("column 2 (b) holds 'x7', which is not a number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BadRowsUnderSkip_AreSkippedCountedAndLoggedWithFileAndLine()
    {
        string path = _dir.Write("bad.csv", "a,b\n1,2\n3,4\n5,x7\n6\n9,10\n");
        var logger = new ListLogger();
        var options = new ReplayOptions { Path = path, Rate = 0, OnBadRow = BadRowPolicy.Skip };
        await using var source = new ReplaySource(options, new ManualTimeProvider(), new TypedLogger<ReplaySource>(logger));

        Recording recording = await Recording.ReadAsync(source, 100);

        Assert.Equal([[1.0, 2.0], [3.0, 4.0], [9.0, 10.0]], recording.Rows);
        Assert.Equal(2, source.SkippedRows);
        LogEntry[] skipped = [.. logger.Entries.Where(e => e.EventId.Id == 3010)];
        Assert.Equal(2, skipped.Length);
        Assert.All(skipped, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.Contains($"{path}:4: column 2 (b) holds 'x7'", skipped[0].Message, StringComparison.Ordinal);
        Assert.Contains($"{path}:5: the row has 1 fields; the header names 2 columns", skipped[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ManyBadRows_LogsTheFirstOnesThenOnlyCounts()
    {
        string path = _dir.Write("many.csv", "a\n" + string.Concat(Enumerable.Repeat("oops\n", 50)) + "1\n");
        var logger = new ListLogger();
        await using var source = new ReplaySource(new ReplayOptions { Path = path, Rate = 0, Channels = ["a"] }, new ManualTimeProvider(), new TypedLogger<ReplaySource>(logger));

        Recording recording = await Recording.ReadAsync(source, 100);

        Assert.Equal([[1.0]], recording.Rows);
        Assert.Equal(50, source.SkippedRows);
        Assert.Equal(20, logger.Entries.Count(e => e.EventId.Id == 3010));
        Assert.Single(logger.Entries, e => e.EventId.Id == 3011);
    }

    [Fact]
    public void Constructor_MissingChannel_ThrowsNamingFileChannelAndColumns()
    {
        string path = _dir.Write("cols.csv", "time,vib_x,vib_y\n0,1,2\n");

        var ex = Assert.Throws<SensorException>(() => new ReplaySource(
            new ReplayOptions { Path = path, Rate = 0, Channels = ["vib_x", "vib_z"] }, new ManualTimeProvider()));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("no column 'vib_z' (Sensors:Replay:Channels)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("time, vib_x, vib_y", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingTimeColumn_ThrowsNamingIt()
    {
        string path = _dir.Write("cols.csv", "vib_x\n1\n");

        var ex = Assert.Throws<SensorException>(() => new ReplaySource(new ReplayOptions { Path = path, TimeColumn = "timestamp" }, new ManualTimeProvider()));

        Assert.Contains("no column 'timestamp' (Sensors:Replay:TimeColumn)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingFile_ThrowsNamingIt()
    {
        string path = _dir.File("nowhere.csv");

        var ex = Assert.Throws<SensorException>(() => new ReplaySource(new ReplayOptions { Path = path, Rate = 0 }, new ManualTimeProvider()));

        Assert.Contains($"'{path}' does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,a\n1,2\n", ":1: malformed header: column 2 'a' repeats column 1.")]
    [InlineData("a,,c\n1,2,3\n", ":1: malformed header: column 2 has no name.")]
    [InlineData("\"a,b\n1\n", ":1: malformed header: a quoted field is not closed before the end of the file.")]
    [InlineData("", ": the file is empty; a header row naming the columns is expected.")]
    public void Constructor_MalformedHeader_ThrowsNamingFileLineAndColumn(string content, string expected)
    {
        string path = _dir.Write("header.csv", content);

        var ex = Assert.Throws<SensorException>(() => new ReplaySource(new ReplayOptions { Path = path, Rate = 0 }, new ManualTimeProvider()));

        Assert.Equal(path + expected, ex.Message);
    }

    [Fact]
    public async Task ReadAsync_Loop_StartsAgainWithTimestampsStillIncreasing()
    {
        string path = _dir.Write("loop.csv", "t,a\n0,1\n0.1,2\n0.2,3\n");
        var options = new ReplayOptions { Path = path, TimeColumn = "t", Rate = 0, Loop = true, StartTime = Start };
        await using var source = new ReplaySource(options, new ManualTimeProvider());

        Recording recording = await Recording.ReadAsync(source, 7, blockCapacity: 2);

        Assert.Equal([1.0, 2.0, 3.0, 1.0, 2.0, 3.0, 1.0], recording.Rows.Select(r => r[0]));
        Assert.Equal([.. Enumerable.Range(0, 7).Select(i => Start.AddMilliseconds(100 * i))], recording.Timestamps);
        Assert.Equal(2, source.Restarts);
    }

    [Fact]
    public async Task ReadAsync_Unpaced_FillsWholeBlocks()
    {
        string path = _dir.Write("long.csv", "a\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"{i}\n")));
        await using var source = new ReplaySource(new ReplayOptions { Path = path, Rate = 0 }, new ManualTimeProvider());
        var block = new SampleBlock(1, 300);

        Assert.True(await source.ReadAsync(block, CancellationToken.None));

        Assert.Equal(300, block.Count);
        Assert.Equal(299.0, block.Row(299)[0]);
    }
}
