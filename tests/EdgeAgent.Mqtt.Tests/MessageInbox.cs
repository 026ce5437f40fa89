using System.Text;
using System.Threading.Channels;
using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.Mqtt.Tests;

/// <summary>A subscription handler that keeps what it receives, for tests that wait for a message.</summary>
public sealed class MessageInbox
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Channel<MqttMessage> _received = Channel.CreateUnbounded<MqttMessage>();

    /// <summary>The handler to subscribe.</summary>
    public Task Handle(MqttMessage message, CancellationToken cancellationToken)
    {
        _received.Writer.TryWrite(message);
        return Task.CompletedTask;
    }

    /// <summary>The next message, within <see cref="Timeout"/>.</summary>
    public async Task<MqttMessage> NextAsync()
    {
        try
        {
            return await _received.Reader.ReadAsync().AsTask().WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No MQTT message arrived within {Timeout}.");
        }
    }

    /// <summary>Skips messages until one has <paramref name="text"/> as its payload, within <see cref="Timeout"/>.</summary>
    public async Task<MqttMessage> WaitForPayloadAsync(string text)
    {
        using var limit = new CancellationTokenSource(Timeout);
        var seen = new List<string>();
        try
        {
            while (true)
            {
                MqttMessage message = await _received.Reader.ReadAsync(limit.Token);
                string payload = Text(message);
                if (payload == text)
                {
                    return message;
                }

                seen.Add($"{message.Topic}={payload}");
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No MQTT message with payload '{text}' arrived within {Timeout}; saw [{string.Join(", ", seen)}].");
        }
    }

    public static string Text(MqttMessage message) => Encoding.UTF8.GetString(message.Payload.Span);
}
