using System.Threading.Channels;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.Sensing.Mqtt;
using EdgeAgent.Sensing.Tests.Support;
using EdgeAgent.TestKit;
using static EdgeAgent.Sensing.Tests.Mqtt.MqttTestSupport;

namespace EdgeAgent.Sensing.Tests.Mqtt;

/// <summary>Disposal, and a broker that goes away and comes back.</summary>
public sealed class MqttSourceLifetimeTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private readonly ListLogger _log = new();
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task DisposeAsync_ThenMoreReadings_DisconnectsAndTakesNoMessageAfter()
    {
        await using MqttClient publisher = await ConnectPublisherAsync(_broker);
        MqttSourceOptions options = SourceOptions(_broker, sampleRate: 10, Channel("x", "plant/x"));
        var source = new MqttSource(options, _clock, new TypedLogger<MqttSource>(_log));
        await publisher.SendRetainedAndWaitAsync(source, "plant/x", "1");

        // Another subscriber of the same topic: once it has a later message, the broker has routed that message.
        Channel<string> probe = System.Threading.Channels.Channel.CreateUnbounded<string>();
        await publisher.SubscribeAsync("plant/x", MqttQos.AtLeastOnce, (m, _) =>
        {
            probe.Writer.TryWrite(System.Text.Encoding.UTF8.GetString(m.Payload.Span));
            return Task.CompletedTask;
        });
        await source.DisposeAsync();
        await _broker.WaitForLogAsync($"Client {options.ClientId} disconnected", WaitLimit);
        await publisher.SendAsync("plant/x", "2");
        await WaitForAsync(probe.Reader, "2");

        Assert.Equal(1, source.ReceivedMessages);
        Assert.False(source.IsConnected);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => source.ReadAsync(new SampleBlock(1, 1), CancellationToken.None).AsTask());
        Assert.Contains(_log.Entries, e => e.EventId.Id == 3001);
        await source.DisposeAsync(); // again: nothing happens
    }

    [Fact]
    public async Task ReadAsync_BrokerGoneAndBack_KeepsGivingRowsNaNWhileStaleThenValuesAgain()
    {
        MqttSourceOptions options = SourceOptions(_broker, sampleRate: 10, Channel("x", "plant/x"));
        options.StaleAfter = TimeSpan.FromSeconds(1);
        await using var source = new MqttSource(options, _clock, new TypedLogger<MqttSource>(_log));
        var block = new SampleBlock(1, 100);
        await using (MqttClient publisher = await ConnectPublisherAsync(_broker))
        {
            await publisher.SendRetainedAndWaitAsync(source, "plant/x", "1");
        }

        await source.ReadAsync(block, CancellationToken.None);
        Assert.Equal([[1.0]], Rows(block));

        await _broker.StopAsync();
        await UntilAsync(() => _log.Entries.Any(e => e.EventId.Id == 3031), "the source to log that the broker is unreachable");
        _clock.Advance(TimeSpan.FromSeconds(2));
        await source.ReadAsync(block, CancellationToken.None);

        Assert.Equal(20, block.Count);
        Assert.Equal(1.0, block.Row(9)[0]);
        Assert.True(double.IsNaN(block.Row(19)[0]));
        Assert.StartsWith(
            $"{source.Name}: no readings while the broker is unreachable (",
            _log.Entries.First(e => e.EventId.Id == 3031).Message,
            StringComparison.Ordinal);

        await _broker.RestartAsync();
        await UntilConnectedAsync(source);
        await using (MqttClient publisher = await ConnectPublisherAsync(_broker))
        {
            await publisher.SendRetainedAndWaitAsync(source, "plant/x", "5");
        }

        _clock.Advance(TimeSpan.FromSeconds(0.1));
        await source.ReadAsync(block, CancellationToken.None);

        Assert.Equal(5.0, block.Row(block.Count - 1)[0]);
        await UntilAsync(() => _log.Entries.Count(e => e.EventId.Id == 3030) == 2, "a second 'subscribed' line, for the new connection");
    }

    /// <summary>The client's reconnect backoff runs on the fake clock: moves it a second at a time until the client is back.</summary>
    private async Task UntilConnectedAsync(MqttSource source)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (!source.IsConnected)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            try
            {
                await Task.Delay(20, limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The source did not reconnect within {WaitLimit}.");
            }
        }
    }

    private static async Task WaitForAsync(ChannelReader<string> reader, string payload)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (await reader.ReadAsync(limit.Token) != payload)
        {
        }
    }
}
