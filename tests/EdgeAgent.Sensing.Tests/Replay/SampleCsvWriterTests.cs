using EdgeAgent.Sensing.Replay;
using EdgeAgent.Sensing.Simulation;
using EdgeAgent.Sensing.Tests.Support;
using EdgeAgent.TestKit;

namespace EdgeAgent.Sensing.Tests.Replay;

public sealed class SampleCsvWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RecordThenReplay_SimulatorWithFaults_RoundTripsEveryValueAndTimestampExactly()
    {
        var options = new SimulatorOptions
        {
            Speed = 0,
            Seed = 3,
            StartTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)),
            BearingDefect = new BearingDefectOptions { Start = TimeSpan.FromSeconds(0.2), GrowthTime = TimeSpan.FromSeconds(0.5) },
            SensorFaults =
            {
                new SensorFaultOptions { Channel = "temperature", Kind = SensorFaultKind.NaN, Start = TimeSpan.FromSeconds(0.3), Duration = TimeSpan.FromSeconds(0.1) },
                new SensorFaultOptions { Kind = SensorFaultKind.Dropout, Start = TimeSpan.FromSeconds(0.5), Duration = TimeSpan.FromSeconds(0.05) },
            },
        };
        string path = _dir.File("recorded.csv");
        await using (var recorder = new SimulatorSource(options, new ManualTimeProvider()))
        {
            Assert.Equal(8_000, await SampleCsvWriter.RecordAsync(recorder, path, 8_000, CancellationToken.None));
        }

        await using var original = new SimulatorSource(options, new ManualTimeProvider());
        Recording expected = await Recording.ReadAsync(original, 8_000);
        await using var replay = new ReplaySource(new ReplayOptions { Path = path, TimeColumn = "timestamp", Rate = 0 }, new ManualTimeProvider());
        Recording actual = await Recording.ReadAsync(replay, int.MaxValue);

        Assert.Equal(SimulatorSource.ChannelNames, replay.Channels.Select(c => c.Name));
        Assert.Equal(8_000, actual.Count);
        Assert.Equal(expected.Timestamps, actual.Timestamps);
        Assert.Contains(expected.Rows, r => double.IsNaN(r[3]));
        for (int r = 0; r < expected.Count; r++)
        {
            Assert.Equal(expected.Rows[r].Select(BitConverter.DoubleToInt64Bits), actual.Rows[r].Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public async Task WriteRow_ExtremeValues_RoundTripBitForBit()
    {
        double[] values = [double.Epsilon, -0.0, double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity, 0.1 + 0.2, 1.0 / 3];
        SensorChannel[] channels = [.. values.Select((_, i) => new SensorChannel($"c{i}", "", null))];
        string path = _dir.File("extreme.csv");
        using (SampleCsvWriter writer = SampleCsvWriter.Create(path, channels))
        {
            writer.WriteRow(DateTimeOffset.UnixEpoch, values);
        }

        await using var replay = new ReplaySource(new ReplayOptions { Path = path, TimeColumn = "timestamp", Rate = 0 }, new ManualTimeProvider());
        Recording actual = await Recording.ReadAsync(replay, 10);

        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), actual.Rows.Single().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void WriteRow_Always_WritesIsoUtcWithSevenFractionDigitsAndInvariantNumbers()
    {
        using var text = new StringWriter();
        using (var writer = new SampleCsvWriter(text, [new("vib_x", "g", 10_000), new("temp, C", "degC", 10_000)], leaveOpen: true))
        {
            writer.WriteRow(new DateTimeOffset(2026, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)).AddTicks(1_000), [1.5, double.NaN]);
            writer.WriteRow(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1), [-2e-10, 1234567.125]);
        }

        Assert.Equal(
            "timestamp,vib_x,\"temp, C\"\n" +
            "2026-01-02T03:04:05.0001000Z,1.5,NaN\n" +
            "2026-01-02T03:04:05.0000001Z,-2E-10,1234567.125\n",
            text.ToString());
    }

    [Fact]
    public void Constructor_ChannelNamedTimestamp_Throws()
    {
        using var text = new StringWriter();

        Assert.Throws<ArgumentException>(() => new SampleCsvWriter(text, [new("timestamp", "", null)]));
    }
}
