using System.Text;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.TestKit;

namespace EdgeAgent.Mqtt.Tests.Client;

public sealed class PublishSubscribeTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Theory]
    [InlineData(MqttQos.AtMostOnce)]
    [InlineData(MqttQos.AtLeastOnce)]
    public async Task PublishAsync_ToOwnSubscription_DeliversPayloadQosAndUserProperties(MqttQos qos)
    {
        await using var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("roundtrip")));
        var inbox = new MessageInbox();
        await client.ConnectAsync();
        await client.SubscribeAsync("edge/fleet1/dev1/#", MqttQos.AtLeastOnce, inbox.Handle);
        Assert.True(client.IsConnected);

        KeyValuePair<string, string>[] properties = [new("sequence", "17"), new("model", "bearing-ae v3"), new("sequence", "18 (repeated name)")];
        await client.PublishAsync("edge/fleet1/dev1/predictions", Encoding.UTF8.GetBytes("{\"score\":0.42}"), qos, userProperties: properties);

        MqttMessage message = await inbox.NextAsync();
        Assert.Equal("edge/fleet1/dev1/predictions", message.Topic);
        Assert.Equal("{\"score\":0.42}", MessageInbox.Text(message));
        Assert.Equal(qos, message.Qos);
        Assert.False(message.Retain);
        Assert.Equal(properties, message.UserProperties);
    }

    [Fact]
    public async Task PublishAsync_FromAnotherClient_ReachesSubscriberAndRetainedReachesLateSubscriber()
    {
        await using var publisher = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("pub")));
        await using var subscriber = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("sub")));
        var inbox = new MessageInbox();
        await subscriber.ConnectAsync();
        await subscriber.SubscribeAsync("fleet/+/rollouts/#", MqttQos.AtLeastOnce, inbox.Handle);
        await publisher.ConnectAsync();

        await publisher.PublishAsync("fleet/f1/rollouts/bearing", Encoding.UTF8.GetBytes("manifest v7"), MqttQos.AtLeastOnce, retain: true);

        MqttMessage live = await inbox.NextAsync();
        Assert.Equal("manifest v7", MessageInbox.Text(live));
        Assert.False(live.Retain); // forwarded live, not replayed

        await using var late = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("late")));
        var lateInbox = new MessageInbox();
        await late.ConnectAsync();
        await late.SubscribeAsync("fleet/f1/rollouts/bearing", MqttQos.AtLeastOnce, lateInbox.Handle);
        MqttMessage replayed = await lateInbox.NextAsync();
        Assert.Equal("manifest v7", MessageInbox.Text(replayed));
        Assert.True(replayed.Retain);
    }

    [Fact]
    public async Task PublishAsync_EmptyPayload_DeliveredEmpty()
    {
        await using var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("empty")));
        var inbox = new MessageInbox();
        await client.ConnectAsync();
        await client.SubscribeAsync("ping/#", MqttQos.AtLeastOnce, inbox.Handle);

        await client.PublishAsync("ping/1", ReadOnlyMemory<byte>.Empty, MqttQos.AtLeastOnce);

        MqttMessage message = await inbox.NextAsync();
        Assert.True(message.Payload.IsEmpty);
        Assert.Empty(message.UserProperties);
    }

    [Fact]
    public async Task UnsubscribeAsync_StopsDeliveryToThatHandler()
    {
        await using var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("unsub")));
        var gone = new MessageInbox();
        var kept = new MessageInbox();
        await client.ConnectAsync();
        await client.SubscribeAsync("a/#", MqttQos.AtLeastOnce, gone.Handle);
        await client.SubscribeAsync("b/#", MqttQos.AtLeastOnce, kept.Handle);

        await client.UnsubscribeAsync("a/#");
        await client.PublishAsync("a/1", "dropped"u8.ToArray(), MqttQos.AtLeastOnce);
        await client.PublishAsync("b/1", "kept"u8.ToArray(), MqttQos.AtLeastOnce);

        Assert.Equal("kept", MessageInbox.Text(await kept.NextAsync()));
        await client.SubscribeAsync("a/#", MqttQos.AtLeastOnce, gone.Handle);
        await client.PublishAsync("a/1", "again"u8.ToArray(), MqttQos.AtLeastOnce);
        Assert.Equal("again", MessageInbox.Text(await gone.NextAsync())); // "dropped" never reached it
    }

    [Fact]
    public async Task SubscribeAsync_OverlappingFilters_EachHandlerGetsTheMessageOnce()
    {
        await using var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("overlap")));
        var all = new MessageInbox();
        var status = new MessageInbox();
        await client.ConnectAsync();
        await client.SubscribeAsync("edge/#", MqttQos.AtLeastOnce, all.Handle);
        await client.SubscribeAsync("edge/+/+/status", MqttQos.AtLeastOnce, status.Handle);

        await client.PublishAsync("edge/f1/d1/status", Encoding.UTF8.GetBytes("first"), MqttQos.AtLeastOnce);
        await client.PublishAsync("edge/f1/d1/alerts", Encoding.UTF8.GetBytes("second"), MqttQos.AtLeastOnce);

        Assert.Equal("first", MessageInbox.Text(await all.NextAsync()));
        Assert.Equal("second", MessageInbox.Text(await all.NextAsync()));
        Assert.Equal("first", MessageInbox.Text(await status.NextAsync()));

        // A marker through the status filter proves nothing else was queued for it in between.
        await client.PublishAsync("edge/f1/d1/status", Encoding.UTF8.GetBytes("marker"), MqttQos.AtLeastOnce);
        Assert.Equal("marker", MessageInbox.Text(await status.NextAsync()));
    }

    [Fact]
    public async Task SubscribeAsync_HandlerAwaitsItsOwnQosOnePublish_DoesNotDeadlock()
    {
        await using var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("reply")));
        var replies = new MessageInbox();
        await client.ConnectAsync();
        await client.SubscribeAsync("edge/f1/d1/cmd/ping", MqttQos.AtLeastOnce, async (m, ct) =>
            await client.PublishAsync("edge/f1/d1/updates", Encoding.UTF8.GetBytes("pong " + MessageInbox.Text(m)), MqttQos.AtLeastOnce, cancellationToken: ct));
        await client.SubscribeAsync("edge/f1/d1/updates", MqttQos.AtLeastOnce, replies.Handle);

        await client.PublishAsync("edge/f1/d1/cmd/ping", Encoding.UTF8.GetBytes("1"), MqttQos.AtLeastOnce);
        await client.PublishAsync("edge/f1/d1/cmd/ping", Encoding.UTF8.GetBytes("2"), MqttQos.AtLeastOnce);

        Assert.Equal("pong 1", MessageInbox.Text(await replies.NextAsync()));
        Assert.Equal("pong 2", MessageInbox.Text(await replies.NextAsync()));
    }

    [Fact]
    public async Task SubscribeAsync_HandlerThrows_LaterMessagesStillDelivered()
    {
        var logger = new ListLogger();
        await using var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("throws")), logger);
        var inbox = new MessageInbox();
        await client.ConnectAsync();
        await client.SubscribeAsync("t/#", MqttQos.AtLeastOnce, async (m, ct) =>
        {
            if (MessageInbox.Text(m) == "boom")
            {
                throw new InvalidOperationException("handler bug");
            }

            await inbox.Handle(m, ct);
        });

        await client.PublishAsync("t/1", Encoding.UTF8.GetBytes("boom"), MqttQos.AtLeastOnce);
        await client.PublishAsync("t/1", Encoding.UTF8.GetBytes("fine"), MqttQos.AtLeastOnce);

        Assert.Equal("fine", MessageInbox.Text(await inbox.NextAsync()));
        LogEntry failure = Assert.Single(logger.Entries, e => e.EventId.Id == 7040);
        Assert.IsType<InvalidOperationException>(failure.Exception);
    }

    [Theory]
    [InlineData("edge/fleet1/#", "wildcard '#'")]
    [InlineData("edge/+/status", "wildcard '+'")]
    [InlineData("", "empty")]
    public async Task PublishAsync_MalformedTopic_ThrowsArgumentExceptionSayingWhy(string topic, string expected)
    {
        await using var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("badtopic")));
        var e = Assert.Throws<ArgumentException>(() => { _ = client.PublishAsync(topic, "x"u8.ToArray(), MqttQos.AtLeastOnce); });
        Assert.Equal("topic", e.ParamName);
        Assert.Contains($"Cannot publish to the topic '{topic}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscribeAsync_MalformedFilter_ThrowsArgumentExceptionSayingWhy()
    {
        await using var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("badfilter")));
        var e = Assert.Throws<ArgumentException>(() => { _ = client.SubscribeAsync("edge/#/status", MqttQos.AtLeastOnce, (_, _) => Task.CompletedTask); });
        Assert.Contains("'#' must be the last level", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_QosZeroWhileNeverConnected_FailsSayingNotConnected()
    {
        await using var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("offline")));
        var e = await Assert.ThrowsAsync<MqttException>(() => client.PublishAsync("t/1", "x"u8.ToArray(), MqttQos.AtMostOnce));
        Assert.Contains("not connected", e.Message, StringComparison.Ordinal);
    }
}
