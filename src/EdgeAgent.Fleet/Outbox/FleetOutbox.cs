using EdgeAgent.Fleet.Payloads;
using EdgeAgent.Storage;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Fleet.Outbox;

/// <summary>
/// The producer side of the uplink: turns what the agent stores into outbox rows, each in one transaction with the
/// record of what was turned, so a kill -9 at any point loses nothing and queues nothing twice.
/// </summary>
/// <remarks>
/// <para>
/// Predictions need no call: committed predictions are the queue. The publisher batches those after a cursor into one
/// message at a time (<see cref="QueuePredictionBatch"/>), moving the cursor in the same transaction, and only a few
/// batches ahead of the link, so during a long outage predictions wait in their own table where retention can thin them.
/// <see cref="NotifyPredictionsCommitted"/> only shortens the wait.
/// </para>
/// <para>
/// Alerts need no call either: the alerts table is compared with what was sent (<see cref="QueueAlertChanges"/>) every
/// <see cref="UplinkOptions.AlertPollInterval"/>, and at once after <see cref="NotifyAlertsChanged"/>.
/// </para>
/// <para>Drift reports, status and other events are queued by their producers with the <c>Enqueue</c> methods.</para>
/// </remarks>
public sealed class FleetOutbox
{
    /// <summary>model_state key of the store's message id epoch.</summary>
    internal const string EpochKey = "uplink.epoch";

    /// <summary>model_state key of the id of the last prediction queued.</summary>
    internal const string PredictionCursorKey = "uplink.predictions.cursor";

    /// <summary>model_state key of what was last queued for each alert.</summary>
    internal const string AlertStateKey = "uplink.alerts.state";

    private readonly EdgeStore _store;
    private readonly TimeProvider _time;
    private readonly int? _compressAbove;
    private readonly Lazy<string> _epoch;
    private volatile bool _alertsChanged = true;

    public FleetOutbox(EdgeStore store, IOptions<UplinkOptions> options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _time = timeProvider ?? TimeProvider.System;
        _compressAbove = options.Value.CompressAbove;
        _epoch = new Lazy<string>(LoadEpoch, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Raised after something was queued or announced; the publisher wakes on it.</summary>
    internal event Action? Changed;

    /// <summary>The store's message id epoch (16 hex digits, drawn when the store first sent something).</summary>
    public string Epoch => _epoch.Value;

    /// <summary>Queues a drift report (any JSON; text that is not JSON is sent as a string).</summary>
    /// <exception cref="StoreFullException">The disk is full and retention could not make room.</exception>
    public OutboxMessage EnqueueDrift(string reportJson) => EnqueueEvent(UplinkStreams.Drift, reportJson);

    /// <summary>Queues the device's status; the broker keeps the last one for later subscribers.</summary>
    /// <exception cref="StoreFullException">The disk is full and retention could not make room.</exception>
    public OutboxMessage EnqueueStatus(DeviceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        DateTimeOffset now = _time.GetUtcNow();
        string epoch = Epoch;
        OutboxMessage message = _store.Enqueue(UplinkStreams.Status, seq =>
            PayloadCompression.Encode(EventPayloadWriter.Write(MessageId.Format(epoch, seq), seq, now, status), _compressAbove));
        Changed?.Invoke();
        return message;
    }

    /// <summary>
    /// Queues an event on <paramref name="stream"/> (drift, updates...; published to <c>{prefix}/{stream}</c>) with
    /// <paramref name="json"/> as its body. Alerts and predictions come from their tables, not from here.
    /// </summary>
    /// <exception cref="ArgumentException">The stream is empty, is alerts or predictions, or holds a wildcard.</exception>
    /// <exception cref="StoreFullException">The disk is full and retention could not make room.</exception>
    public OutboxMessage EnqueueEvent(string stream, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentNullException.ThrowIfNull(json);
        if (stream is UplinkStreams.Alerts or UplinkStreams.Predictions)
        {
            throw new ArgumentException($"The {stream} stream is fed from the store's {stream} table; queue other events on other streams.", nameof(stream));
        }

        if (stream.AsSpan().IndexOfAny("+#\0") >= 0)
        {
            throw new ArgumentException($"The stream '{stream}' holds a wildcard or U+0000; it names a topic level.", nameof(stream));
        }

        DateTimeOffset now = _time.GetUtcNow();
        string epoch = Epoch;
        OutboxMessage message = _store.Enqueue(stream, seq =>
            PayloadCompression.Encode(EventPayloadWriter.Write(MessageId.Format(epoch, seq), seq, now, json), _compressAbove));
        Changed?.Invoke();
        return message;
    }

    /// <summary>Tells the publisher that predictions were committed, so that a full batch goes without waiting for its next look.</summary>
    public void NotifyPredictionsCommitted() => Changed?.Invoke();

    /// <summary>Tells the publisher that alerts changed, so that it compares them now rather than at its next poll.</summary>
    public void NotifyAlertsChanged()
    {
        _alertsChanged = true;
        Changed?.Invoke();
    }

    /// <summary>How many predictions wait after the cursor, counting at most <paramref name="limit"/>.</summary>
    internal long PredictionsWaiting(long limit) => _store.CountPredictionsAfterCursor(PredictionCursorKey, limit);

    /// <summary>Queues the next predictions after the cursor, at most <paramref name="maxCount"/>, as one message.</summary>
    internal (OutboxMessage Message, int Count)? QueuePredictionBatch(int maxCount)
    {
        string epoch = Epoch;
        return _store.EnqueuePredictionBatch(UplinkStreams.Predictions, PredictionCursorKey, maxCount, (seq, batch) =>
            PayloadCompression.Encode(PredictionBatchWriter.Write(MessageId.Format(epoch, seq), seq, batch), _compressAbove));
    }

    /// <summary>Whether <see cref="NotifyAlertsChanged"/> was called since the last look; clears the notice.</summary>
    internal bool TakeAlertNotice()
    {
        bool notice = _alertsChanged;
        _alertsChanged = false;
        return notice;
    }

    /// <summary>Queues one message for each alert that is new or changed state since the last look.</summary>
    internal IReadOnlyList<OutboxMessage> QueueAlertChanges()
    {
        string epoch = Epoch;
        return _store.EnqueueAlertChanges(UplinkStreams.Alerts, AlertStateKey, (seq, alert) =>
            PayloadCompression.Encode(AlertPayloadWriter.Write(MessageId.Format(epoch, seq), seq, alert), _compressAbove));
    }

    private string LoadEpoch()
    {
        if (_store.GetModelState(EpochKey) is { } existing)
        {
            return existing.Value;
        }

        return _store.TrySetModelState(EpochKey, MessageId.NewEpoch(), expectedVersion: 0)?.Value
            ?? _store.GetModelState(EpochKey)!.Value;
    }
}
