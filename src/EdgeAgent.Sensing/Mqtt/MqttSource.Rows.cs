using EdgeAgent.Sensing.Pacing;

namespace EdgeAgent.Sensing.Mqtt;

// The reader's side: rows at the sample rate, from the values queued by the handler. One reader at a time.
public sealed partial class MqttSource
{
    private readonly double[] _held;
    private readonly TimeSpan?[] _arrived;
    private readonly bool[] _staleLogged;
    private ChannelUpdate? _pending;
    private bool _started;
    private TimeSpan _start;
    private DateTimeOffset _startWall;
    private long _next;
    private long _reportedMissed;
    private long _reportedDropped;

    /// <inheritdoc />
    /// <remarks>
    /// The first read starts the stream: row n is due, and stamped, n / SampleRate after it (wall time at the first
    /// read plus monotonic time since). A read waits for the next row and returns every row due by then, up to the
    /// block's capacity; a reader more than a block late skips the older rows (<see cref="MissedRows"/>). Never throws
    /// <see cref="SensorException"/>: a lost broker shows as NaN.
    /// </remarks>
    public async ValueTask<bool> ReadAsync(SampleBlock block, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(block);
        if (block.ChannelCount != Channels.Count)
        {
            throw new ArgumentException($"The block holds {block.ChannelCount} channels; {Name} gives {Channels.Count}.", nameof(block));
        }

        block.Clear();
        if (!_started)
        {
            _start = Elapsed();
            _startWall = _time.GetUtcNow();
            _started = true;
        }

        long last;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan elapsed = Elapsed() - _start;
            last = LastDueRow(elapsed);
            if (last >= _next)
            {
                break;
            }

            long wait = StreamTime.TicksAt(_next, _rate) - elapsed.Ticks;
            await Task.Delay(TimeSpan.FromTicks(Math.Max(1, wait)), _time, cancellationToken).ConfigureAwait(false);
        }

        if (last - _next + 1 > block.Capacity)
        {
            long missed = last + 1 - block.Capacity - _next;
            MissedRows += missed;
            _next += missed;
            if (MissedRows >= 2 * _reportedMissed)
            {
                _reportedMissed = MissedRows;
                Log.PollingBehind(_logger, Name, _rate, MissedRows);
            }
        }

        for (; _next <= last && !block.IsFull; _next++)
        {
            long ticks = StreamTime.TicksAt(_next, _rate);
            TimeSpan slot = _start + TimeSpan.FromTicks(ticks);
            ApplyUpdatesUntil(slot);
            FillRow(block.AddRow(_startWall.AddTicks(ticks)), slot);
        }

        long dropped = DroppedValues;
        if (dropped > 0 && dropped >= 2 * _reportedDropped)
        {
            _reportedDropped = dropped;
            Log.MqttValuesDropped(_logger, Name, dropped, _queueCapacity);
        }

        RowsRead += block.Count;
        return true;
    }

    /// <summary>The last row due <paramref name="elapsed"/> after the start; -1 before row 0.</summary>
    private long LastDueRow(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
        {
            return -1;
        }

        long first = StreamTime.FirstIndexAtOrAfter(elapsed, _rate);
        return StreamTime.TicksAt(first, _rate) <= elapsed.Ticks ? first : first - 1;
    }

    /// <summary>Takes the queued values that arrived by <paramref name="slot"/>, in arrival order.</summary>
    private void ApplyUpdatesUntil(TimeSpan slot)
    {
        while (_pending is { } update || _queue.Reader.TryRead(out update))
        {
            if (update.Arrival > slot)
            {
                _pending = update;
                return;
            }

            _pending = null;
            int c = update.Channel;
            _held[c] = update.Value;
            _arrived[c] = update.Arrival;
            if (_staleLogged[c])
            {
                _staleLogged[c] = false;
                Log.MqttChannelFresh(_logger, Name, Channels[c].Name, _topics[c]);
            }
        }
    }

    private void FillRow(Span<double> row, TimeSpan slot)
    {
        for (int c = 0; c < row.Length; c++)
        {
            TimeSpan age = slot - (_arrived[c] ?? _start);
            bool fresh = _arrived[c] is not null && age <= _staleAfter;
            row[c] = fresh ? _held[c] : double.NaN;
            if (!fresh && !_staleLogged[c] && age > _staleAfter)
            {
                _staleLogged[c] = true;
                Log.MqttChannelStale(_logger, Name, Channels[c].Name, _topics[c], _staleAfter);
            }
        }
    }
}
