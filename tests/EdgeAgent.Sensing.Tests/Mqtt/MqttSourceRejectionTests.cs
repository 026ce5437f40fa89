using EdgeAgent.Mqtt.Client;
using EdgeAgent.Sensing.Mqtt;
using EdgeAgent.Sensing.Tests.Support;
using EdgeAgent.TestKit;
using static EdgeAgent.Sensing.Tests.Mqtt.MqttTestSupport;

namespace EdgeAgent.Sensing.Tests.Mqtt;

/// <summary>Messages the source cannot read are counted, logged sparingly and dropped; good ones keep flowing.</summary>
public sealed class MqttSourceRejectionTests : IAsyncLifetime
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
    public async Task ReadAsync_MalformedMessagesAmongGoodOnes_CountsAndDropsThemAndKeepsTheGoodValues()
    {
        MqttSourceOptions options = SourceOptions(_broker, sampleRate: 10, Channel("x", "plant/press7/x"), Channel("y", "plant/press7/y", "values.y"));
        options.Topic = "plant/press7/#";
        await using var source = new MqttSource(options, _clock, new TypedLogger<MqttSource>(_log));
        await _publisher.SendRetainedAndWaitAsync(source, "plant/press7/x", "1");

        await _publisher.SendAndWaitAsync(
            source,
            ("plant/press7/x", "not json"),
            ("plant/press7/x", """{"v": "high"}"""),
            ("plant/press7/y", """{"values": {}}"""),
            ("plant/press7/unknown", "1"),
            ("plant/press7/x", """{"t": "yesterday", "v": 1}"""),
            ("plant/press7/y", "5"),
            ("plant/press7/x", """{"t": "2025-12-31T00:00:00Z", "v": 9}"""),
            ("plant/press7/x", "2"),
            ("plant/press7/y", """{"values": {"y": 3}}"""));
        var block = new SampleBlock(2, 8);
        await source.ReadAsync(block, CancellationToken.None);

        Assert.Equal([[2.0, 3.0]], Rows(block));
        Assert.Equal(10, source.ReceivedMessages);
        Assert.Equal(7, source.RejectedMessages);
        LogEntry first = Assert.Single(_log.Entries, e => e.EventId.Id == 3032);
        Assert.Equal(
            $"{source.Name}: message on plant/press7/x rejected: the payload is neither JSON nor a number (0 more rejected since the last such line; at most one line per 00:00:30)",
            first.Message);

        _clock.Advance(MqttSource.RejectLogInterval);
        await _publisher.SendAndWaitAsync(source, ("plant/press7/unknown", "{}"));

        Assert.Equal(8, source.RejectedMessages);
        Assert.Equal(2, _log.Entries.Count(e => e.EventId.Id == 3032));
        Assert.Equal(
            $"{source.Name}: message on plant/press7/unknown rejected: no channel reads this topic (Sensors:Mqtt:Channels) (6 more rejected since the last such line; at most one line per 00:00:30)",
            _log.Entries.Last(e => e.EventId.Id == 3032).Message);
    }

    [Fact]
    public async Task OnMessage_MessageAlreadyOlderThanStaleAfter_IsRejectedNamingTheReason()
    {
        MqttSourceOptions options = SourceOptions(_broker, sampleRate: 10, Channel("x", "plant/x"));
        options.StaleAfter = TimeSpan.FromSeconds(2);
        await using var source = new MqttSource(options, _clock, new TypedLogger<MqttSource>(_log));

        await _publisher.SendRetainedAndWaitAsync(source, "plant/x", """{"t": "2025-12-31T23:59:57Z", "v": 1}""");

        Assert.Equal(1, source.RejectedMessages);
        LogEntry rejected = Assert.Single(_log.Entries, e => e.EventId.Id == 3032);
        Assert.Contains(
            "its time t 2025-12-31T23:59:57.0000000+00:00 is 00:00:03 before it arrived, older than Sensors:Mqtt:StaleAfter (00:00:02)",
            rejected.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ReaderFallsBehindTheQueue_DropsTheOldestValuesAndCountsThem()
    {
        MqttSourceOptions options = SourceOptions(_broker, sampleRate: 10, Channel("x", "plant/x"));
        options.QueueCapacity = 2;
        await using var source = new MqttSource(options, _clock, new TypedLogger<MqttSource>(_log));
        await _publisher.SendRetainedAndWaitAsync(source, "plant/x", "1");

        await _publisher.SendAndWaitAsync(source, ("plant/x", "2"), ("plant/x", "3"), ("plant/x", "4"));
        var block = new SampleBlock(1, 4);
        await source.ReadAsync(block, CancellationToken.None);

        Assert.Equal(2, source.DroppedValues);
        Assert.Equal([[4.0]], Rows(block));
        Assert.Contains(_log.Entries, e => e.EventId.Id == 3035 && e.Message.Contains("2 received values dropped so far", StringComparison.Ordinal));
    }
}
