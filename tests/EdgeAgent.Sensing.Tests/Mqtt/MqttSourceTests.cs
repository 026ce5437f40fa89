using EdgeAgent.Mqtt.Client;
using EdgeAgent.Sensing.Mqtt;
using EdgeAgent.Sensing.Tests.Support;
using EdgeAgent.TestKit;
using static EdgeAgent.Sensing.Tests.Mqtt.MqttTestSupport;

namespace EdgeAgent.Sensing.Tests.Mqtt;

/// <summary>Readings published by another client of a real mosquitto, read as rows on a fake clock.</summary>
public sealed class MqttSourceTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private readonly ListLogger _log = new();
    private MosquittoBroker _broker = null!;
    private MqttClient _publisher = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        _publisher = await ConnectPublisherAsync(_broker);
    }

    public async Task DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task ReadAsync_ValuesPublishedByAnotherDevice_AppearOnTheirChannels()
    {
        MqttSourceOptions options = SourceOptions(
            _broker,
            sampleRate: 10,
            Channel("vib_x", "plant/press7/vib", "values.vib_x"),
            Channel("vib_y", "plant/press7/vib", "values.vib_y"),
            Channel("temperature", "plant/press7/temp"));
        options.Channels[2].Units = "degC";
        await using var source = new MqttSource(options, _clock, new TypedLogger<MqttSource>(_log));
        DateTimeOffset start = _clock.GetUtcNow();

        await _publisher.SendRetainedAndWaitAsync(source, "plant/press7/temp", "21.5");
        await _publisher.SendAndWaitAsync(source, ("plant/press7/vib", """{"t": "2026-01-01T00:00:00Z", "values": {"vib_x": 0.1, "vib_y": -0.2}}"""));
        var block = new SampleBlock(3, 16);
        Assert.True(await source.ReadAsync(block, CancellationToken.None));

        Assert.Equal([[0.1, -0.2, 21.5]], Rows(block));
        Assert.Equal(start, block.Timestamp(0));

        await _publisher.SendAndWaitAsync(source, ("plant/press7/temp", """{"v": 22.0}"""));
        _clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.True(await source.ReadAsync(block, CancellationToken.None));

        Assert.Equal(Enumerable.Repeat<double[]>([0.1, -0.2, 22.0], 5), Rows(block));
        Assert.Equal(Enumerable.Range(1, 5).Select(n => start.AddMilliseconds(100 * n)), Enumerable.Range(0, 5).Select(block.Timestamp));
        Assert.Equal(["vib_x", "vib_y", "temperature"], source.Channels.Select(c => c.Name));
        Assert.Equal(["", "", "degC"], source.Channels.Select(c => c.Units));
        Assert.All(source.Channels, c => Assert.Equal(10, c.SampleRate));
        Assert.Equal(0, source.RejectedMessages);
        Assert.Equal(6, source.RowsRead);
        await UntilAsync(
            () => _log.Entries.Any(e => e.EventId.Id == 3030 && e.Message.Contains("subscribed to plant/press7/vib, plant/press7/temp", StringComparison.Ordinal)),
            "the line saying what the source subscribed to (logged from the client's event dispatcher)");
    }

    [Fact]
    public async Task ReadAsync_NoReadingForLongerThanStaleAfter_HoldsNaNUntilTheNextOne()
    {
        MqttSourceOptions options = SourceOptions(_broker, sampleRate: 10, Channel("a", "plant/a"), Channel("b", "plant/b"));
        options.StaleAfter = TimeSpan.FromSeconds(1);
        await using var source = new MqttSource(options, _clock, new TypedLogger<MqttSource>(_log));
        await _publisher.SendRetainedAndWaitAsync(source, "plant/a", "1");
        await _publisher.SendRetainedAndWaitAsync(source, "plant/b", "2");
        var block = new SampleBlock(2, 64);
        await source.ReadAsync(block, CancellationToken.None);
        Assert.Equal([[1.0, 2.0]], Rows(block));

        // b is published again at 0.5 s; a is not, so it is held up to 1 s (StaleAfter) and NaN after.
        _clock.Advance(TimeSpan.FromSeconds(0.5));
        await _publisher.SendAndWaitAsync(source, ("plant/b", "3"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await source.ReadAsync(block, CancellationToken.None);

        double[][] rows = Rows(block);
        Assert.Equal(15, rows.Length); // 0.1 s ... 1.5 s
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN], rows.Select(r => r[0]));
        Assert.Equal([2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], rows.Select(r => r[1]));
        LogEntry stale = Assert.Single(_log.Entries, e => e.EventId.Id == 3033);
        Assert.Equal($"{source.Name}: channel a (plant/a) has had no value for 00:00:01; its rows hold NaN until one arrives", stale.Message);

        await _publisher.SendAndWaitAsync(source, ("plant/a", "4"));
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        await source.ReadAsync(block, CancellationToken.None);

        // a has a value again; b's, from 0.5 s, is now 1.1 s old.
        Assert.Equal([[4.0, double.NaN]], Rows(block));
        Assert.Contains(_log.Entries, e => e.EventId.Id == 3034 && e.Message == $"{source.Name}: channel a (plant/a) has values again");
        Assert.Contains(_log.Entries, e => e.EventId.Id == 3033 && e.Message.Contains("channel b (plant/b)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ChannelThatNeverHadAValue_IsNaN()
    {
        MqttSourceOptions options = SourceOptions(_broker, sampleRate: 100, Channel("a", "plant/a"), Channel("silent", "plant/silent"));
        await using var source = new MqttSource(options, _clock);
        await _publisher.SendRetainedAndWaitAsync(source, "plant/a", "{\"v\": 7}");
        var block = new SampleBlock(2, 4);

        await source.ReadAsync(block, CancellationToken.None);

        Assert.Equal([[7.0, double.NaN]], Rows(block));
    }

    [Fact]
    public async Task ReadAsync_NoRowDueYet_WaitsForTheClock()
    {
        await using var source = new MqttSource(SourceOptions(_broker, sampleRate: 4, Channel("a", "plant/a")), _clock);
        var block = new SampleBlock(1, 8);
        await source.ReadAsync(block, CancellationToken.None);

        ValueTask<bool> read = source.ReadAsync(block, CancellationToken.None);
        Assert.False(read.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(0.25));

        Assert.True(await read.AsTask().WaitAsync(WaitLimit));
        Assert.Equal(1, block.Count);
        Assert.Equal(_clock.GetUtcNow(), block.Timestamp(0));
    }

    [Fact]
    public async Task ReadAsync_ReaderMoreThanABlockLate_SkipsTheOlderRows()
    {
        var logger = new TypedLogger<MqttSource>(_log);
        await using var source = new MqttSource(SourceOptions(_broker, sampleRate: 10, Channel("a", "plant/a")), _clock, logger);
        var block = new SampleBlock(1, 5);
        await source.ReadAsync(block, CancellationToken.None);
        DateTimeOffset start = block.Timestamp(0);

        _clock.Advance(TimeSpan.FromSeconds(2));
        await source.ReadAsync(block, CancellationToken.None);

        Assert.Equal(15, source.MissedRows); // rows 1 to 15; 16 to 20 are read
        Assert.Equal(start.AddSeconds(1.6), block.Timestamp(0));
        Assert.Equal(start.AddSeconds(2), block.Timestamp(4));
        Assert.Contains(_log.Entries, e => e.EventId.Id == 3020);
    }
}
