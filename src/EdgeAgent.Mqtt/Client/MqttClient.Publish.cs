using EdgeAgent.Mqtt.Interop;
using EdgeAgent.Mqtt.Topics;

namespace EdgeAgent.Mqtt.Client;

public sealed partial class MqttClient
{
    /// <summary>
    /// Publishes a message. QoS 0 completes once libmosquitto has it (and fails at once while the link is down: nothing is
    /// queued); QoS 1 completes when the broker's PUBACK arrives, which may be after a reconnect (see the class remarks),
    /// and fails when the broker answers a refusal (reason code 0x80 or above, such as 0x87 not authorized).
    /// </summary>
    /// <param name="topic">The topic: no wildcards, not empty.</param>
    /// <param name="payload">The payload; copied before the call returns.</param>
    /// <param name="qos">The delivery guarantee.</param>
    /// <param name="retain">Whether the broker keeps it as the topic's retained message.</param>
    /// <param name="userProperties">MQTT 5 user properties, in order; names may repeat.</param>
    /// <param name="cancellationToken">Stops the wait for the PUBACK; a message already handed to libmosquitto is still sent.</param>
    /// <exception cref="ArgumentException">The topic, a user property or the payload size is invalid; the message says why.</exception>
    /// <exception cref="ObjectDisposedException">The client is being disposed.</exception>
    public Task PublishAsync(
        string topic,
        ReadOnlyMemory<byte> payload,
        MqttQos qos,
        bool retain = false,
        IReadOnlyList<KeyValuePair<string, string>>? userProperties = null,
        CancellationToken cancellationToken = default)
    {
        MqttTopic.ThrowIfInvalidTopicName(topic, nameof(topic));
        if (!Enum.IsDefined(qos))
        {
            throw new ArgumentOutOfRangeException(nameof(qos), qos, "The QoS must be AtMostOnce (0) or AtLeastOnce (1).");
        }

        if (payload.Length > MaxPayloadLength)
        {
            throw new ArgumentException($"The payload is {payload.Length} bytes; an MQTT message carries at most {MaxPayloadLength}.", nameof(payload));
        }

        ThrowIfDisposing();
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        using NativeProperties properties = UserPropertyList(userProperties, nameof(userProperties));
        TaskCompletionSource? acknowledged = qos == MqttQos.AtLeastOnce ? new(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        int rc;
        int messageId;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_destroyed, this);
            rc = Publish(topic, payload.Span, qos, retain, properties.Pointer, out messageId);

            // For QoS 1, libmosquitto 2.0 has queued the message even when it answers "no connection": it sends it after the
            // next CONNACK (queued messages survive reconnects, clean start or not).
            if (rc == MosquittoError.NoConnection && qos == MqttQos.AtLeastOnce)
            {
                rc = MosquittoError.Success;
            }

            if (rc == MosquittoError.Success && acknowledged is not null)
            {
                _pendingPublishes[messageId] = new PendingPublish(topic, acknowledged);
            }
        }

        if (rc != MosquittoError.Success)
        {
            return Task.FromException(rc == MosquittoError.NoConnection
                ? new MqttException($"MQTT is not connected to {Where}; the QoS 0 message to '{topic}' was not sent (QoS 0 is never queued; use QoS 1 for messages that must survive an outage).")
                : new MqttException($"libmosquitto refused the publish to '{topic}': {Mosquitto.DescribeError(rc, 0)}"));
        }

        if (acknowledged is null)
        {
            return Task.CompletedTask;
        }

        return cancellationToken.CanBeCanceled ? WaitForAckAsync(messageId, acknowledged, cancellationToken) : acknowledged.Task;
    }

    private async Task WaitForAckAsync(int messageId, TaskCompletionSource acknowledged, CancellationToken cancellationToken)
    {
        try
        {
            await acknowledged.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !acknowledged.Task.IsCompleted)
        {
            lock (_gate)
            {
                if (_pendingPublishes.TryGetValue(messageId, out PendingPublish? p) && p.Completion == acknowledged)
                {
                    _pendingPublishes.Remove(messageId);
                }
            }

            throw;
        }
    }

    private unsafe int Publish(string topic, ReadOnlySpan<byte> payload, MqttQos qos, bool retain, nint properties, out int messageId)
    {
        int mid = 0;
        int rc;
        fixed (byte* p = payload)
        {
            rc = Mosquitto.PublishV5(_mosq, &mid, topic, payload.Length, p, (int)qos, retain, properties);
        }

        messageId = mid;
        return rc;
    }

    private static NativeProperties UserPropertyList(IReadOnlyList<KeyValuePair<string, string>>? userProperties, string paramName)
    {
        var list = new NativeProperties();
        if (userProperties is null)
        {
            return list;
        }

        try
        {
            foreach ((string name, string value) in userProperties)
            {
                if (name is null || value is null || name.Contains('\0', StringComparison.Ordinal) || value.Contains('\0', StringComparison.Ordinal))
                {
                    throw new ArgumentException($"The user property '{name}' has a null name or value, or contains the null character U+0000.", paramName);
                }

                list.AddUserProperty(name, value);
            }
        }
        catch
        {
            list.Dispose();
            throw;
        }

        return list;
    }

    private void ThrowIfDisposing()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposeTask is not null, this);
        }
    }
}
