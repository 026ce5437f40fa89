using EdgeAgent.Fleet.Payloads;
using EdgeAgent.Storage;

namespace EdgeAgent.Fleet.Outbox;

// Feeding the outbox from the store's tables: alert changes at every poll, predictions a few batches ahead of the link.
public sealed partial class OutboxPublisher
{
    /// <summary>Queues alert changes when the poll interval passed or a change was announced.</summary>
    /// <returns>When the next poll is due.</returns>
    private TimeSpan? QueueAlerts(long now)
    {
        bool notice = _outbox.TakeAlertNotice();
        if (!notice && _lastAlertPoll is { } last)
        {
            TimeSpan left = _options.AlertPollInterval - _time.GetElapsedTime(last, now);
            if (left > TimeSpan.Zero)
            {
                return left;
            }
        }

        _lastAlertPoll = now;
        IReadOnlyList<OutboxMessage> queued = _outbox.QueueAlertChanges();
        if (queued.Count > 0)
        {
            Log.AlertsQueued(_logger, queued.Count);
        }

        return _options.AlertPollInterval;
    }

    /// <summary>
    /// Turns waiting predictions into batch messages while fewer than <see cref="UplinkOptions.MaxInFlight"/> prediction
    /// messages are pending: a full batch at once, a partial one after <see cref="UplinkOptions.PredictionBatchDelay"/>.
    /// Nothing while the budget is spent, so that the predictions wait in their table, where retention can thin them.
    /// </summary>
    /// <returns>When a partial batch is due, if one waits.</returns>
    private TimeSpan? QueuePredictions(long now)
    {
        if (BudgetExhausted)
        {
            return null;
        }

        int size = _options.PredictionBatchSize;
        long pending = _store.CountPendingOutbox(UplinkStreams.Predictions) - _sentPredictionsUnrecorded; // acknowledged ones are recorded at the end of the pass
        while (pending < _options.MaxInFlight)
        {
            long waiting = _outbox.PredictionsWaiting(size);
            if (waiting == 0)
            {
                _partialBatchSince = null;
                return null;
            }

            if (waiting < size && _options.PredictionBatchDelay > TimeSpan.Zero)
            {
                _partialBatchSince ??= now;
                TimeSpan left = _options.PredictionBatchDelay - _time.GetElapsedTime(_partialBatchSince.Value, now);
                if (left > TimeSpan.Zero)
                {
                    return left;
                }
            }

            if (_outbox.QueuePredictionBatch(size) is not { } batch)
            {
                return null;
            }

            _partialBatchSince = null;
            _batchSizes[batch.Message.Id] = batch.Count;
            pending++;
            Log.PredictionsQueued(
                _logger,
                batch.Count,
                batch.Message.Stream,
                batch.Message.Sequence,
                batch.Message.Payload.Length,
                PayloadCompression.IsGzip(batch.Message.Payload.Span) ? " (gzip)" : "");
        }

        return null;
    }
}
