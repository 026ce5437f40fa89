using System.Text;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.Sensing.Mqtt;
using EdgeAgent.TestKit;

namespace EdgeAgent.Sensing.Tests.Mqtt;

/// <summary>A publisher standing in for another device, source options for a test broker, and condition waits.</summary>
internal static class MqttTestSupport
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(8);

    /// <summary>A client id no other test uses (a broker takes over a session whose id connects again).</summary>
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static MqttSourceOptions SourceOptions(MosquittoBroker broker, double sampleRate, params MqttChannelOptions[] channels) => new()
    {
        Host = broker.Host,
        Port = broker.Port,
        ClientId = UniqueId("sensors"),
        SampleRate = sampleRate,
        Channels = [.. channels],
    };

    public static MqttChannelOptions Channel(string name, string topic, string? field = null) => new() { Name = name, Topic = topic, Field = field };

    /// <summary>Connects a client that publishes as another local device would, on the system clock.</summary>
    public static async Task<MqttClient> ConnectPublisherAsync(MosquittoBroker broker)
    {
        var client = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = UniqueId("device") });
        try
        {
            await client.ConnectAsync().WaitAsync(WaitLimit);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Publishes <paramref name="text"/> with QoS 1, so the broker has it when this completes.</summary>
    public static Task SendAsync(this MqttClient publisher, string topic, string text, bool retain = false) =>
        publisher.PublishAsync(topic, Encoding.UTF8.GetBytes(text), MqttQos.AtLeastOnce, retain);

    /// <summary>
    /// Publishes a retained message, which the broker hands to the source whenever its subscription lands, and waits until
    /// the source has it: from then on plain publishes reach it too.
    /// </summary>
    public static async Task SendRetainedAndWaitAsync(this MqttClient publisher, MqttSource source, string topic, string text)
    {
        long before = source.ReceivedMessages;
        await publisher.SendAsync(topic, text, retain: true);
        await UntilAsync(() => source.ReceivedMessages > before, $"the source to receive the retained '{text}' on {topic}");
    }

    /// <summary>Publishes each message in order and waits until the source has received them all.</summary>
    public static async Task SendAndWaitAsync(this MqttClient publisher, MqttSource source, params (string Topic, string Text)[] messages)
    {
        long target = source.ReceivedMessages + messages.Length;
        foreach ((string topic, string text) in messages)
        {
            await publisher.SendAsync(topic, text);
        }

        await UntilAsync(() => source.ReceivedMessages >= target, $"the source to receive {messages.Length} message(s)");
    }

    /// <summary>Waits until <paramref name="condition"/> holds, checking every 10 ms, for at most <see cref="WaitLimit"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (!condition())
        {
            try
            {
                await Task.Delay(10, limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited {WaitLimit} for {what}.");
            }
        }
    }

    /// <summary>The values of every row of <paramref name="block"/>, for comparing whole rows (NaN equals NaN).</summary>
    public static double[][] Rows(SampleBlock block) => [.. Enumerable.Range(0, block.Count).Select(r => block.Row(r).ToArray())];
}
