using EdgeAgent.Mqtt.Interop;

namespace EdgeAgent.Mqtt.Client;

// Starting, waiting for the connection, and disposal.
public sealed partial class MqttClient
{
    /// <summary>Starts connecting in the background; from then on the client keeps itself connected. Calling it again does nothing.</summary>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposeTask is not null, this);
            if (_networkThread is not null)
            {
                return;
            }

            _eventDispatcher = Task.Run(DispatchEventsAsync);
            _messageDispatcher = Task.Run(DispatchMessagesAsync);
            _networkThread = new Thread(RunNetwork)
            {
                IsBackground = true,
                Name = $"MQTT {_clientId}",
            };
            _networkThread.Start();
        }
    }

    /// <summary>
    /// Starts the client if needed and waits until it is connected: completes at once when it is, otherwise when the broker
    /// accepts the next attempt.
    /// </summary>
    /// <exception cref="MqttConnectException">That attempt failed (refused by the broker, TCP or TLS failure); the client keeps retrying.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        Start();
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_sessionUp)
            {
                return;
            }

            _connectWaiters.Add(waiter);
        }

        try
        {
            await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _connectWaiters.Remove(waiter);
            }
        }
    }

    /// <summary>
    /// Disconnects cleanly, stops the network thread and the dispatchers, and frees libmosquitto. A handler already running is
    /// waited for (its token is cancelled); messages not yet handled are dropped; QoS 1 publishes not yet acknowledged fail.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        TaskCompletionSource? mine = null;
        Task disposal;
        lock (_gate)
        {
            if (_disposeTask is null)
            {
                mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _disposeTask = mine.Task;
            }

            disposal = _disposeTask;
        }

        if (mine is null)
        {
            await disposal.ConfigureAwait(false);
            return;
        }

        try
        {
            await DisposeCoreAsync().ConfigureAwait(false);
            mine.SetResult();
        }
        catch (Exception e)
        {
            mine.SetException(e);
            throw;
        }
    }

    /// <summary>Cuts the TCP link without a DISCONNECT, as a dead link would (the broker then publishes the Will). For tests.</summary>
    internal void SimulateLinkLoss() => _abortLinkRequested = true;

    private async Task DisposeCoreAsync()
    {
        // Stops the network thread's loop and backoff, and cancels the token handlers were given.
        await _disposing.CancelAsync().ConfigureAwait(false);
        Thread? thread;
        lock (_gate)
        {
            thread = _networkThread;
        }

        if (thread is not null)
        {
            await _networkStopped.Task.ConfigureAwait(false);
        }

        // No callback can run any more: the network thread is gone and the log callback is only reached through our own calls.
        _events.Writer.TryComplete();
        _messages.Writer.TryComplete();
        object? scope = DispatcherScope.Value;
        if (!ReferenceEquals(scope, _eventScope))
        {
            await _eventDispatcher.ConfigureAwait(false);
        }

        if (!ReferenceEquals(scope, _messageScope))
        {
            await _messageDispatcher.ConfigureAwait(false);
        }

        PendingPublish[] publishes;
        PendingSubscribe[] subscribes;
        TaskCompletionSource[] waiters;
        lock (_gate)
        {
            _destroyed = true;
            _sessionUp = false;
            Mosquitto.Destroy(_mosq);
            _mosq = 0;
            publishes = [.. _pendingPublishes.Values];
            subscribes = [.. _pendingSubscribes.Values];
            waiters = [.. _connectWaiters];
            _pendingPublishes.Clear();
            _pendingSubscribes.Clear();
            _connectWaiters.Clear();
            _subscriptions.Clear();
        }

        _sinkHandle.Free();
        if (publishes.Length > 0)
        {
            Log.PublishesAbandoned(_logger, publishes.Length);
        }

        foreach (PendingPublish p in publishes)
        {
            p.Completion.TrySetException(new MqttException(
                $"The MQTT client {_clientId} was disposed before the broker acknowledged the publish to '{p.Topic}'."));
        }

        foreach (PendingSubscribe s in subscribes)
        {
            s.Completion?.TrySetException(new ObjectDisposedException(nameof(MqttClient)));
        }

        foreach (TaskCompletionSource w in waiters)
        {
            w.TrySetException(new ObjectDisposedException(nameof(MqttClient)));
        }

        _disposing.Dispose();
    }
}
