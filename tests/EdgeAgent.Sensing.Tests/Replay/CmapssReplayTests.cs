using System.Globalization;
using EdgeAgent.Sensing.Replay;
using EdgeAgent.Sensing.Tests.Support;
using EdgeAgent.TestKit;

namespace EdgeAgent.Sensing.Tests.Replay;

public sealed class CmapssReplayTests
{
    private static readonly DateTimeOffset Start = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<double[][]> TrainRows = new(() => ParseIndependently(TrainPath));

    private static string TrainPath => SharedAssets.Data("cmapss_fd001", "train_FD001.txt");

    [Fact]
    public async Task ReadAsync_TrainFd001_GivesEveryRowWithTheFilesValues()
    {
        await using var source = new ReplaySource(Options(), new ManualTimeProvider());

        Recording recording = await Recording.ReadAsync(source, int.MaxValue);

        double[][] expected = TrainRows.Value;
        Assert.Equal(20_631, expected.Length);
        Assert.Equal(expected.Length, recording.Count);
        Assert.False(recording.More);
        for (int r = 0; r < expected.Length; r++)
        {
            Assert.Equal(expected[r], recording.Rows[r]);
        }

        Assert.Equal(0, source.SkippedRows);
    }

    [Fact]
    public async Task Channels_NoSubset_AreTheModelKitsTwentySixColumnsAsACycleStream()
    {
        await using var source = new ReplaySource(Options(), new ManualTimeProvider());

        string[] expected = ["unit", "cycle", "op1", "op2", "op3", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "s16", "s17", "s18", "s19", "s20", "s21"];
        Assert.Equal(expected, source.Channels.Select(c => c.Name));
        Assert.All(source.Channels, c => Assert.Null(c.SampleRate));
        Assert.Equal("replay:train_FD001.txt", source.Name);
    }

    [Fact]
    public async Task ReadAsync_Timestamps_AreStartPlusCycleIndexSeconds()
    {
        await using var source = new ReplaySource(Options(), new ManualTimeProvider());

        Recording recording = await Recording.ReadAsync(source, 500);

        Assert.Equal(Start, recording.Timestamps[0]);
        Assert.Equal(Start.AddSeconds(191), recording.Timestamps[191]); // unit 2 starts here; time goes on
        Assert.Equal(Start.AddSeconds(499), recording.Timestamps[499]);
    }

    [Fact]
    public async Task ReadAsync_UnitFilter_GivesOnlyThatUnitsCyclesInOrder()
    {
        ReplayOptions options = Options();
        options.Unit = 7;
        await using var source = new ReplaySource(options, new ManualTimeProvider());

        Recording recording = await Recording.ReadAsync(source, int.MaxValue);

        double[][] expected = [.. TrainRows.Value.Where(r => r[0] == 7)];
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Length, recording.Count);
        for (int r = 0; r < expected.Length; r++)
        {
            Assert.Equal(expected[r], recording.Rows[r]);
            Assert.Equal(r + 1, recording.Rows[r][1]);
            Assert.Equal(Start.AddSeconds(r), recording.Timestamps[r]);
        }
    }

    [Fact]
    public async Task ReadAsync_ChannelSubset_GivesThoseColumnsInTheOrderAsked()
    {
        ReplayOptions options = Options();
        options.Channels = ["s21", "unit", "s2"];
        await using var source = new ReplaySource(options, new ManualTimeProvider());

        Recording recording = await Recording.ReadAsync(source, 300);

        Assert.Equal(["s21", "unit", "s2"], source.Channels.Select(c => c.Name));
        for (int r = 0; r < 300; r += 37)
        {
            double[] file = TrainRows.Value[r];
            Assert.Equal([file[25], file[0], file[6]], recording.Rows[r]);
        }
    }

    [Fact]
    public void Constructor_UnitNotInFile_ThrowsNamingUnitAndFile()
    {
        ReplayOptions options = Options();
        options.Unit = 101;

        var ex = Assert.Throws<SensorException>(() => new ReplaySource(options, new ManualTimeProvider()));

        Assert.Contains("no rows of unit 101", ex.Message, StringComparison.Ordinal);
        Assert.Contains("train_FD001.txt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RateTwo_GivesOneCycleEveryHalfSecond()
    {
        var clock = new ManualTimeProvider();
        ReplayOptions options = Options();
        options.Rate = 2;
        await using var source = new ReplaySource(options, clock);
        var block = new SampleBlock(26, 100);

        Assert.True(await source.ReadAsync(block, CancellationToken.None));
        Assert.Equal(1, block.Count); // cycle 0 is due at once
        Task<bool> next = source.ReadAsync(block, CancellationToken.None).AsTask();
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, block.Count); // cycles at 0.5 s and 1 s
        Assert.Equal([TrainRows.Value[1], TrainRows.Value[2]], [block.Row(0).ToArray(), block.Row(1).ToArray()]);
    }

    [Fact]
    public async Task ReadAsync_BadRowSkipped_IsCountedAndNotFed()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("mini.txt", """
            1 1 -0.0007 -0.0004 100.0 518.67 641.82 1589.70 1400.60 14.62 21.61 554.36 2388.06 9046.19 1.30 47.47 521.66 2388.02 8138.62 8.4195 0.03 392 2388 100.00 39.06 23.4190 
            1 2 0.0019 -0.0003 100.0 518.67 642.15 1591.82 1403.14 14.62 21.61 553.75 2388.04
            1 3 -0.0043 0.0003 100.0 518.67 642.35 1587.99 1404.20 14.62 21.61 554.26 2388.08 9052.94 1.30 47.27 522.42 2388.03 8133.23 8.4178 0.03 390 2388 100.00 38.95 23.3442 

            """);
        ReplayOptions options = Options();
        options.Path = path;
        await using var source = new ReplaySource(options, new ManualTimeProvider());

        Recording recording = await Recording.ReadAsync(source, int.MaxValue);

        Assert.Equal([1.0, 3.0], recording.Rows.Select(r => r[1]));
        Assert.Equal(1, source.SkippedRows);
    }

    private static ReplayOptions Options() =>
        new() { Path = TrainPath, Format = ReplayFormat.Cmapss, Rate = 0, StartTime = Start };

    /// <summary>The file parsed by the test itself: split on whitespace, parse invariant.</summary>
    private static double[][] ParseIndependently(string path) =>
        [.. File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray())];
}
