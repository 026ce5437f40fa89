using EdgeAgent.Fleet.Payloads;
using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.FleetBench;

/// <summary>The fleet side: counts messages and, for prediction batches, the predictions they carry (once per message id).</summary>
internal sealed class BenchSubscriber : IAsyncDisposable
{
    private readonly MqttClient _client;
    private readonly HashSet<string> _seen = [];
    private readonly Lock _gate = new();
    private long _messages;
    private long _predictions;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _target = long.MaxValue;

    private BenchSubscriber(MqttClient client) => _client = client;

    public long Messages => Interlocked.Read(ref _messages);

    public long Predictions => Interlocked.Read(ref _predictions);

    public static async Task<BenchSubscriber> StartAsync(int port, string filter, bool decodeBatches)
    {
        var client = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = port, ClientId = "bench-fleet", MaxQueuedMessages = 1_000_000 });
        var subscriber = new BenchSubscriber(client);
        await client.ConnectAsync();
        await client.SubscribeAsync(filter, MqttQos.AtLeastOnce, (m, _) =>
        {
            subscriber.OnMessage(m, decodeBatches);
            return Task.CompletedTask;
        });
        return subscriber;
    }

    /// <summary>Completes once <paramref name="predictions"/> predictions (or messages, when batches are not decoded) arrived.</summary>
    public Task WaitForAsync(long predictions)
    {
        lock (_gate)
        {
            _target = predictions;
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_predictions >= predictions)
            {
                _reached.TrySetResult();
            }

            return _reached.Task;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _seen.Clear();
            _messages = 0;
            _predictions = 0;
        }
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private void OnMessage(MqttMessage message, bool decodeBatches)
    {
        int count = 1;
        string id = message.UserProperties.FirstOrDefault(p => p.Key == WireProperties.MessageId).Value ?? "";
        if (decodeBatches)
        {
            count = message.Topic.EndsWith("/predictions", StringComparison.Ordinal) ? PayloadReader.CountPredictions(message.Payload.Span) : 0;
        }

        lock (_gate)
        {
            _messages++;
            if (id.Length > 0 && !_seen.Add(message.Topic + " " + id))
            {
                return; // a redelivery
            }

            _predictions += count;
            if (_predictions >= _target)
            {
                _reached.TrySetResult();
            }
        }
    }
}
