using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.Sensing.Mqtt;

// The MQTT client's side: its message dispatcher runs the handler one message at a time, never on the network thread.
public sealed partial class MqttSource
{
    private long _receivedMessages;
    private long _rejectedMessages;
    private long _suppressedRejections;
    private long? _lastRejectionLogged;
    private bool _unreachableLogged;

    private Task OnMessageAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            return Task.CompletedTask;
        }

        TimeSpan arrival = Elapsed();
        Take(message, arrival);

        // Counted once its values are queued, so a reader that sees the count also sees the values.
        Interlocked.Increment(ref _receivedMessages);
        return Task.CompletedTask;
    }

    private void Take(MqttMessage message, TimeSpan arrival)
    {
        if (!_bindings.TryGetValue(message.Topic, out TopicBinding? binding))
        {
            Reject(message.Topic, $"no channel reads this topic ({MqttSourceOptions.SectionName}:Channels)");
            return;
        }

        double[] values = binding.Values;
        string? problem = MqttPayload.Read(message.Payload, binding.Fields, values, out DateTimeOffset? time);
        TimeSpan age = time is { } t ? _time.GetUtcNow() - t : TimeSpan.Zero;
        if (age > _staleAfter)
        {
            Reject(message.Topic, OptionsText.Invariant(
                $"its time t {time:O} is {age} before it arrived, older than {MqttSourceOptions.SectionName}:StaleAfter ({_staleAfter}): a backlog, an old retained message or a publisher clock behind"));
            return;
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                _queue.Writer.TryWrite(new ChannelUpdate(binding.Channels[i], values[i], arrival));
            }
        }

        if (problem is not null)
        {
            Reject(message.Topic, problem);
        }
    }

    /// <summary>Counts a rejected message and logs it, at most once per <see cref="RejectLogInterval"/>.</summary>
    private void Reject(string topic, string reason)
    {
        Interlocked.Increment(ref _rejectedMessages);
        long now = _time.GetTimestamp();
        if (_lastRejectionLogged is { } last && _time.GetElapsedTime(last, now) < RejectLogInterval)
        {
            _suppressedRejections++;
            return;
        }

        Log.MqttMessageRejected(_logger, Name, topic, reason, _suppressedRejections, RejectLogInterval);
        _suppressedRejections = 0;
        _lastRejectionLogged = now;
    }
}
