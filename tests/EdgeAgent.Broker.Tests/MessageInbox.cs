using System.Text;
using System.Threading.Channels;
using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.Broker.Tests;

/// <summary>
/// A subscription handler that keeps what it receives. "Nothing arrived" is shown with a marker: the test publishes it on an
/// allowed topic after the forbidden message, and the broker delivers to a client in order, so what did not come before the
/// marker never comes.
/// </summary>
public sealed class MessageInbox
{
    private readonly Channel<MqttMessage> _received = Channel.CreateUnbounded<MqttMessage>();

    /// <summary>The handler to subscribe.</summary>
    public Task Handle(MqttMessage message, CancellationToken cancellationToken)
    {
        _received.Writer.TryWrite(message);
        return Task.CompletedTask;
    }

    /// <summary>Waits, within <see cref="Waits.Timeout"/>, for a message whose payload is <paramref name="marker"/>; returns those that came before it.</summary>
    public async Task<IReadOnlyList<MqttMessage>> ReceiveUntilAsync(string marker)
    {
        using var limit = new CancellationTokenSource(Waits.Timeout);
        var before = new List<MqttMessage>();
        try
        {
            while (true)
            {
                MqttMessage message = await _received.Reader.ReadAsync(limit.Token);
                if (Text(message) == marker)
                {
                    return before;
                }

                before.Add(message);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException(
                $"No MQTT message with payload '{marker}' arrived within {Waits.Timeout}; saw [{string.Join(", ", before.Select(m => $"{m.Topic}={Text(m)}"))}].");
        }
    }

    public static string Text(MqttMessage message) => Encoding.UTF8.GetString(message.Payload.Span);

    /// <summary>A payload no other message has, so that a test finds exactly its own.</summary>
    public static string Unique(string what) => $"{what} {Guid.NewGuid():N}";
}
