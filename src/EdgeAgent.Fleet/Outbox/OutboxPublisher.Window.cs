using EdgeAgent.Fleet.Payloads;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.Storage;
using static EdgeAgent.Fleet.OptionsText;

namespace EdgeAgent.Fleet.Outbox;

// The in-flight window: which rows go next, handing them to the MQTT client, and what their PUBACKs say.
public sealed partial class OutboxPublisher
{
    /// <summary>Hands pending rows to the client until the window is full: streams by priority, each in sequence order.</summary>
    /// <returns>When a held stream may try again, if one waits.</returns>
    private TimeSpan? FillWindow(long now)
    {
        int free = _options.MaxInFlight - _inFlight;
        if (free <= 0)
        {
            return null;
        }

        TimeSpan? due = null;
        IEnumerable<string> streams = _store.GetOutboxStreams()
            .OrderBy(UplinkStreams.Priority)
            .ThenBy(s => s, StringComparer.Ordinal);
        foreach (string stream in streams)
        {
            if (free == 0)
            {
                break;
            }

            StreamCursor cursor = Cursor(stream);
            if (cursor.Unpublishable)
            {
                continue;
            }

            if (cursor.HeldSince is { } since)
            {
                TimeSpan wait = _options.RetryDelay - _time.GetElapsedTime(since, now);
                if (wait > TimeSpan.Zero)
                {
                    due = Earliest(due, wait);
                    continue;
                }

                cursor.HeldSince = null;
                cursor.Probing = true;
            }

            try
            {
                free -= FillStream(stream, cursor, free);
            }
            catch (ArgumentException e)
            {
                // Rows queued through EdgeStore.Enqueue under a name that makes no topic: keep them, serve the others.
                cursor.Unpublishable = true;
                Log.StreamUnpublishable(_logger, stream, e.Message);
            }
        }

        return due;
    }

    /// <summary>Hands over up to <paramref name="free"/> of <paramref name="stream"/>'s pending rows; returns how many.</summary>
    private int FillStream(string stream, StreamCursor cursor, int free)
    {
        bool predictions = stream == UplinkStreams.Predictions;
        int handed = 0;
        while (true)
        {
            int allowed = cursor.Probing ? (cursor.InFlight == 0 ? 1 : 0) : free - handed;
            if (allowed <= 0)
            {
                return handed;
            }

            IReadOnlyList<OutboxMessage> rows = cursor.LastHanded is { } last
                ? _store.GetPendingOutboxAfter(stream, last, allowed)
                : _store.GetPendingOutbox(stream, allowed);
            if (rows.Count == 0)
            {
                return handed;
            }

            foreach (OutboxMessage row in rows)
            {
                if (_inFlightRows.Contains(row.Id) || _sent.Contains(row.Id))
                {
                    cursor.LastHanded = row.Sequence; // on its way already, or acknowledged and not yet recorded
                    continue;
                }

                if (predictions && BudgetExhausted)
                {
                    NoteBudgetReached();
                    return handed;
                }

                Hand(Prepare(row), cursor);
                cursor.LastHanded = row.Sequence;
                handed++;
                if (handed == free || cursor.Probing)
                {
                    return handed;
                }
            }
        }
    }

    private InFlightMessage Prepare(OutboxMessage row)
    {
        string topic = _topics.For(row.Stream);
        string id = MessageId.Format(_outbox.Epoch, row.Sequence);
        KeyValuePair<string, string>[] properties = WireProperties.For(id, row.Payload.Span);
        int predictions = 0;
        if (row.Stream == UplinkStreams.Predictions && !_batchSizes.TryGetValue(row.Id, out predictions))
        {
            predictions = PayloadReader.CountPredictions(row.Payload.Span); // queued by an earlier run
            _batchSizes[row.Id] = predictions;
        }

        return new InFlightMessage(row, topic, id, properties, MqttWireSize.Publish(topic, properties, row.Payload.Length), predictions);
    }

    private void Hand(InFlightMessage message, StreamCursor cursor)
    {
        OutboxMessage row = message.Row;
        Task published = _client.PublishAsync(message.Topic, row.Payload, MqttQos.AtLeastOnce, UplinkStreams.IsRetained(row.Stream), message.Properties);
        _inFlight++;
        cursor.InFlight++;
        _inFlightRows.Add(row.Id);
        _attempted.Add(row.Id);
        CountHandOver(message);
        published.ContinueWith(
            static (task, state) =>
            {
                var (self, m) = ((OutboxPublisher, InFlightMessage))state!;
                self._completions.Enqueue((m, task.IsCompletedSuccessfully ? null : task.Exception?.InnerException ?? new OperationCanceledException()));
                self.Wake();
            },
            (this, message),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Takes the answers that arrived: an acknowledged row is sent; a refused one holds its stream.</summary>
    private void TakeCompletions(long now)
    {
        while (_completions.TryDequeue(out (InFlightMessage Message, Exception? Error) done))
        {
            InFlightMessage message = done.Message;
            OutboxMessage row = message.Row;
            StreamCursor cursor = Cursor(row.Stream);
            _inFlight--;
            cursor.InFlight--;
            _inFlightRows.Remove(row.Id);
            if (done.Error is null)
            {
                _sent.Add(row.Id);
                _batchSizes.Remove(row.Id);
                if (row.Stream == UplinkStreams.Predictions)
                {
                    _sentPredictionsUnrecorded++;
                }

                CountAcknowledged(message);
                if (cursor.Probing)
                {
                    cursor.Probing = false;
                    Log.StreamResumed(_logger, row.Stream, message.MessageId, cursor.Refusals);
                }

                cursor.Refusals = 0;
                continue;
            }

            // Refused or failed: the row stays pending; the stream starts again from it after the retry delay.
            CountRefused();
            cursor.Refusals++;
            cursor.LastHanded = Math.Min(cursor.LastHanded ?? long.MaxValue, row.Sequence - 1);
            cursor.HeldSince = now;
            cursor.Probing = false;
            if (cursor.Refusals == 1)
            {
                Log.StreamHeld(_logger, message.MessageId, message.Topic, Reason(done.Error), row.Stream, Duration(_options.RetryDelay));
            }
        }
    }

    private StreamCursor Cursor(string stream)
    {
        if (!_streams.TryGetValue(stream, out StreamCursor? cursor))
        {
            cursor = new StreamCursor();
            _streams[stream] = cursor;
        }

        return cursor;
    }

    private static string Reason(Exception error) => error switch
    {
        MqttException { ReasonCode: { } code } e => Invariant($"{e.Message} (0x{code:X2})"),
        _ => error.Message,
    };
}
