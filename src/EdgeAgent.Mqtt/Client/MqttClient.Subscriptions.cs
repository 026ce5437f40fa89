using EdgeAgent.Mqtt.Interop;
using EdgeAgent.Mqtt.Topics;

namespace EdgeAgent.Mqtt.Client;

// Subscriptions and the message dispatcher, which runs their handlers one at a time in arrival order.
public sealed partial class MqttClient
{
    /// <summary>
    /// Subscribes <paramref name="handler"/> to <paramref name="filter"/> (replacing the handler of the same filter). While
    /// connected, completes on the broker's SUBACK and fails when the broker refuses (the subscription is then dropped);
    /// while not, completes at once: the subscription is sent at the next connect, as every subscription is after a reconnect.
    /// </summary>
    /// <param name="filter">The topic filter; '+' and a final '#' are wildcards.</param>
    /// <param name="qos">The highest QoS the broker should deliver with.</param>
    /// <param name="handler">Runs on the message dispatcher, never on libmosquitto's thread; its token is cancelled at dispose.</param>
    /// <param name="cancellationToken">Stops the wait for the SUBACK; the subscription stays.</param>
    /// <exception cref="ArgumentException">The filter is invalid; the message says why.</exception>
    /// <exception cref="ObjectDisposedException">The client is being disposed.</exception>
    public Task SubscribeAsync(string filter, MqttQos qos, Func<MqttMessage, CancellationToken, Task> handler, CancellationToken cancellationToken = default)
    {
        MqttTopic.ThrowIfInvalidTopicFilter(filter, nameof(filter));
        ArgumentNullException.ThrowIfNull(handler);
        if (!Enum.IsDefined(qos))
        {
            throw new ArgumentOutOfRangeException(nameof(qos), qos, "The QoS must be AtMostOnce (0) or AtLeastOnce (1).");
        }

        ThrowIfDisposing();
        var granted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_destroyed, this);
            uint id = _subscriptions.TryGetValue(filter, out Subscription? existing) ? existing.Id : ++_nextSubscriptionId;
            var subscription = new Subscription(filter, qos, handler, id);
            _subscriptions[filter] = subscription;
            if (!_sessionUp)
            {
                return Task.CompletedTask;
            }

            int rc = SendSubscription(subscription, granted);
            if (rc == MosquittoError.NoConnection)
            {
                return Task.CompletedTask;
            }

            if (rc != MosquittoError.Success)
            {
                _subscriptions.Remove(filter);
                return Task.FromException(new MqttException($"libmosquitto refused the subscription to '{filter}': {Mosquitto.DescribeError(rc, 0)}"));
            }
        }

        return granted.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Removes the subscription of <paramref name="filter"/>: its handler gets no further message, including ones already
    /// queued. Completes once the UNSUBSCRIBE is handed to libmosquitto (at once while not connected).
    /// </summary>
    public unsafe Task UnsubscribeAsync(string filter)
    {
        MqttTopic.ThrowIfInvalidTopicFilter(filter, nameof(filter));
        ThrowIfDisposing();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_destroyed, this);
            if (_subscriptions.Remove(filter) && _sessionUp)
            {
                int mid = 0;
                Mosquitto.UnsubscribeV5(_mosq, &mid, filter, 0);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Sends every registered subscription (after a connect); returns the filters libmosquitto refused. Under <see cref="_gate"/>.</summary>
    private List<(string Filter, string Reason)> SendAllSubscriptions(out int sent)
    {
        var failed = new List<(string, string)>();
        sent = 0;
        foreach (Subscription subscription in _subscriptions.Values)
        {
            int rc = SendSubscription(subscription, completion: null);
            if (rc == MosquittoError.Success)
            {
                sent++;
            }
            else
            {
                failed.Add((subscription.Filter, Mosquitto.DescribeError(rc, 0)));
            }
        }

        return failed;
    }

    /// <summary>Sends one SUBSCRIBE carrying the subscription's identifier. Under <see cref="_gate"/>.</summary>
    private unsafe int SendSubscription(Subscription subscription, TaskCompletionSource? completion)
    {
        using var properties = new NativeProperties();
        properties.AddSubscriptionIdentifier(subscription.Id);
        int mid = 0;
        int rc = Mosquitto.SubscribeV5(_mosq, &mid, subscription.Filter, (int)subscription.Qos, 0, properties.Pointer);
        if (rc == MosquittoError.Success)
        {
            _pendingSubscribes[mid] = new PendingSubscribe(subscription, completion);
        }

        return rc;
    }

    private async Task DispatchMessagesAsync()
    {
        DispatcherScope.Value = _messageScope;
        CancellationToken stopping = _disposing.Token;
        int droppedAtDispose = 0;
        await foreach (ReceivedMessage received in _messages.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (_sink.TakeDroppedCount() is > 0 and long dropped)
            {
                Log.MessagesDropped(_logger, dropped, _maxQueuedMessages);
            }

            if (stopping.IsCancellationRequested)
            {
                droppedAtDispose++;
                continue;
            }

            foreach (Subscription subscription in HandlersFor(received))
            {
                if (stopping.IsCancellationRequested)
                {
                    break;
                }

                try
                {
                    await subscription.Handler(received.Message, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    // The handler gave up because the client is being disposed.
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Log.HandlerFailed(_logger, subscription.Filter, received.Message.Topic, e);
                }
            }
        }

        if (droppedAtDispose > 0)
        {
            Log.MessagesDroppedAtDispose(_logger, droppedAtDispose);
        }
    }

    /// <summary>
    /// The subscriptions a message is for: those whose identifiers the broker attached (one copy per matching
    /// subscription), or, without identifiers, those whose filter matches the topic.
    /// </summary>
    private List<Subscription> HandlersFor(ReceivedMessage received)
    {
        var handlers = new List<Subscription>(1);
        lock (_gate)
        {
            foreach (Subscription subscription in _subscriptions.Values)
            {
                bool match = received.SubscriptionIds.Length > 0
                    ? Array.IndexOf(received.SubscriptionIds, subscription.Id) >= 0
                    : MqttTopic.Matches(subscription.Filter, received.Message.Topic);
                if (match)
                {
                    handlers.Add(subscription);
                }
            }
        }

        return handlers;
    }
}
