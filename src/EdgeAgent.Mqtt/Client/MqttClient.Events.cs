using EdgeAgent.Mqtt.Interop;
using static EdgeAgent.Mqtt.OptionsText;

namespace EdgeAgent.Mqtt.Client;

// The event dispatcher: turns what the network thread reported into task completions, state, logs and events.
public sealed partial class MqttClient
{
    private async Task DispatchEventsAsync()
    {
        DispatcherScope.Value = _eventScope;
        await foreach (ClientEvent e in _events.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                Handle(e);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log.DispatchFailed(_logger, e.GetType().Name, ex);
            }
        }
    }

    private void Handle(ClientEvent e)
    {
        switch (e)
        {
            case ConnAckEvent { ReasonCode: 0 }:
                OnSessionUp();
                break;
            case ConnAckEvent refused:
                lock (_gate)
                {
                    _lastConnectError = Mosquitto.DescribeReason(refused.ReasonCode);
                }

                break;
            case LinkEndedEvent ended:
                OnLinkEnded(ended);
                break;
            case PublishAckEvent ack:
                OnPublishAck(ack);
                break;
            case SubscribeAckEvent ack:
                OnSubscribeAck(ack);
                break;
            case NativeLogEvent log:
                Log.Native(_logger, log.Text);
                break;
            case NetworkFaultEvent fault:
                Log.NetworkFault(_logger, fault.Exception);
                break;
        }
    }

    private void OnSessionUp()
    {
        TaskCompletionSource[] waiters;
        int resubscribed;
        List<(string Filter, string Reason)> failed;
        lock (_gate)
        {
            _sessionUp = true;
            _lastConnectError = null;
            waiters = [.. _connectWaiters];
            _connectWaiters.Clear();
            failed = SendAllSubscriptions(out resubscribed);
        }

        Log.Connected(_logger, _host, _port, _clientId);
        if (resubscribed > 0)
        {
            Log.Resubscribed(_logger, resubscribed);
        }

        foreach ((string filter, string reason) in failed)
        {
            Log.SubscribeFailed(_logger, filter, reason);
        }

        foreach (TaskCompletionSource waiter in waiters)
        {
            waiter.TrySetResult();
        }

        Raise(Connected, new MqttConnectedEventArgs(_host, _port, _clientId), nameof(Connected));
    }

    private void OnLinkEnded(LinkEndedEvent ended)
    {
        TaskCompletionSource[] waiters = [];
        PendingSubscribe[] unanswered;
        lock (_gate)
        {
            _sessionUp = false;
            if (!ended.WasConnected)
            {
                _lastConnectError = ended.Reason;
                waiters = [.. _connectWaiters];
                _connectWaiters.Clear();
            }

            // Subscriptions stay registered and are sent again at the next connect.
            unanswered = [.. _pendingSubscribes.Values];
            _pendingSubscribes.Clear();
        }

        foreach (PendingSubscribe s in unanswered)
        {
            s.Completion?.TrySetResult();
        }

        if (ended.RetryDelay is not { } delay)
        {
            if (ended.WasConnected)
            {
                Log.Disconnected(_logger, _host, _port, _clientId);
            }

            return;
        }

        string retry = Duration(delay);
        if (ended.WasConnected)
        {
            Log.ConnectionLost(_logger, _host, _port, ended.Reason, retry);
        }
        else if (ended.RefusalCode is not null)
        {
            Log.ConnectionRefused(_logger, _host, _port, ended.Reason, retry);
        }
        else
        {
            Log.ConnectFailed(_logger, _host, _port, ended.Reason, retry);
        }

        foreach (TaskCompletionSource waiter in waiters)
        {
            string message = ended.RefusalCode is { } code
                ? $"The MQTT broker {Where} refused the connection of {_clientId}: {ended.Reason} (reason code 0x{code:X2})."
                : $"Cannot connect to the MQTT broker {Where} as {_clientId}: {ended.Reason}.";
            waiter.TrySetException(ended.RefusalCode is { } c ? new MqttConnectException(message, c) : new MqttConnectException(message));
        }

        Raise(Disconnected, new MqttDisconnectedEventArgs(ended.WasConnected, ended.Reason, ended.RefusalCode, delay), nameof(Disconnected));
    }

    private void OnPublishAck(PublishAckEvent ack)
    {
        PendingPublish? pending;
        lock (_gate)
        {
            _pendingPublishes.Remove(ack.MessageId, out pending);
        }

        if (pending is null)
        {
            return; // QoS 0 (written, nothing to complete) or a publish whose caller stopped waiting.
        }

        if (ack.ReasonCode < 0x80)
        {
            pending.Completion.TrySetResult();
            return;
        }

        string reason = Mosquitto.DescribeReason(ack.ReasonCode);
        Log.PublishRefused(_logger, _host, _port, pending.Topic, reason);
        pending.Completion.TrySetException(new MqttException(
            $"The MQTT broker {Where} refused the publish to '{pending.Topic}': {reason} (reason code 0x{ack.ReasonCode:X2}).", ack.ReasonCode));
    }

    private void OnSubscribeAck(SubscribeAckEvent ack)
    {
        PendingSubscribe? pending;
        lock (_gate)
        {
            _pendingSubscribes.Remove(ack.MessageId, out pending);
            if (pending is not null && ack.Granted is [>= 0x80, ..] && _subscriptions.TryGetValue(pending.Subscription.Filter, out Subscription? current)
                && current == pending.Subscription)
            {
                _subscriptions.Remove(current.Filter);
            }
        }

        if (pending is null)
        {
            return;
        }

        if (ack.Granted is not [>= 0x80, ..])
        {
            pending.Completion?.TrySetResult();
            return;
        }

        int code = ack.Granted[0];
        string reason = Mosquitto.DescribeReason(code);
        Log.SubscriptionRefused(_logger, _host, _port, pending.Subscription.Filter, reason);
        pending.Completion?.TrySetException(new MqttException(
            $"The MQTT broker {Where} refused the subscription to '{pending.Subscription.Filter}': {reason} (reason code 0x{code:X2}).", code));
    }

    private void Raise<T>(EventHandler<T>? handlers, T args, string name)
    {
        if (handlers is null || _disposing.IsCancellationRequested)
        {
            return;
        }

        try
        {
            handlers(this, args);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.EventHandlerFailed(_logger, name, e);
        }
    }
}
