using System.Threading.Channels;

namespace EdgeAgent.Mqtt.Client;

/// <summary>
/// What libmosquitto's callbacks reach through their <c>obj</c> pointer (a GCHandle): two channel writers and a few fields.
/// The callbacks only copy data and write here; they never block and never run user code.
/// </summary>
internal sealed class CallbackSink(ChannelWriter<ClientEvent> events, ChannelWriter<ReceivedMessage> messages)
{
    private long _droppedMessages;
    private volatile string? _lastNativeError;

    /// <summary>The CONNACK reason of the current attempt, or null before one arrived. Network thread only.</summary>
    public int? ConnAckCode { get; set; }

    /// <summary>The code libmosquitto gave its disconnect callback for the current link. Network thread only.</summary>
    public int DisconnectCode { get; set; }

    /// <summary>The last error libmosquitto logged during the current attempt (OpenSSL's reason, for example).</summary>
    public string? LastNativeError
    {
        get => _lastNativeError;
        set => _lastNativeError = value;
    }

    /// <summary>Whether the broker accepted the current link (CONNACK success).</summary>
    public bool LinkAccepted => ConnAckCode == 0;

    public void StartAttempt()
    {
        ConnAckCode = null;
        DisconnectCode = 0;
        LastNativeError = null;
    }

    public void Post(ClientEvent e) => events.TryWrite(e);

    /// <summary>Queues a message for the handlers; counts it as dropped when the queue is full.</summary>
    public void Post(ReceivedMessage message)
    {
        if (!messages.TryWrite(message))
        {
            Interlocked.Increment(ref _droppedMessages);
        }
    }

    /// <summary>How many messages were dropped since the last call.</summary>
    public long TakeDroppedCount() => Interlocked.Exchange(ref _droppedMessages, 0);
}
