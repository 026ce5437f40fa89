using EdgeAgent.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Agent.Pipeline;

/// <summary>
/// Commits predictions and sample-quality counters to the store in batches, off the pipeline thread. A batch the
/// store refuses (a full disk) stays in memory and is retried; only beyond <see cref="PipelineOptions.MaxPendingPredictions"/>
/// are the oldest dropped, counted and logged. On shutdown everything pending is committed before the store closes.
/// </summary>
public sealed class PredictionWriter : BackgroundService
{
    private readonly EdgeStore _store;
    private readonly PipelineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PredictionWriter> _logger;
    private readonly Lock _gate = new();
    private TaskCompletionSource _due = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<NewPrediction> _pending = new();
    private readonly Dictionary<(string Channel, string Kind), long> _quality = [];
    private long _dropped;
    private long _committed;
    private long _lastCommittedId;

    public PredictionWriter(EdgeStore store, IOptions<PipelineOptions> options, TimeProvider time, ILogger<PredictionWriter> logger)
    {
        _store = store;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Predictions committed since start.</summary>
    public long Committed => Interlocked.Read(ref _committed);

    /// <summary>Predictions dropped because the store could not take them and memory was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Predictions waiting for the store.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>The store's last error, or null after a successful commit.</summary>
    public string? LastError { get; private set; }

    /// <summary>Queues a prediction; wakes the writer when a batch is full.</summary>
    public void Add(NewPrediction prediction)
    {
        bool full;
        lock (_gate)
        {
            _pending.Enqueue(prediction);
            if (_pending.Count > _options.MaxPendingPredictions)
            {
                _pending.Dequeue();
                long dropped = Interlocked.Increment(ref _dropped);
                if (dropped == 1 || dropped % 10_000 == 0)
                {
                    PipelineLog.PredictionsDropped(_logger, dropped, _options.MaxPendingPredictions);
                }
            }

            full = _pending.Count >= _options.FlushRows;
        }

        if (full)
        {
            Wake();
        }
    }

    /// <summary>Adds to the sample-quality counters committed with the next batch.</summary>
    public void AddQuality(string channel, string kind, long delta)
    {
        if (delta == 0)
        {
            return;
        }

        lock (_gate)
        {
            _quality[(channel, kind)] = _quality.GetValueOrDefault((channel, kind)) + delta;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        TimeSpan retry = _options.FlushInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitAsync(retry, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            retry = Flush() ? _options.FlushInterval : TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }

        // Shutdown: commit what is left, a few attempts at most so a broken disk cannot hold the stop forever.
        for (int attempt = 0; attempt < 3 && Pending > 0; attempt++)
        {
            Flush();
        }

        PipelineLog.WriterStopped(_logger, Committed, Pending, Dropped);
    }

    /// <summary>Commits everything pending now; false when the store refused.</summary>
    public bool Flush()
    {
        NewPrediction[] batch;
        (string Channel, string Kind, long Delta)[] quality;
        lock (_gate)
        {
            batch = [.. _pending];
            quality = [.. _quality.Select(q => (q.Key.Channel, q.Key.Kind, q.Value))];
        }

        try
        {
            if (quality.Length > 0)
            {
                _store.IncrementQualityCounters(quality);
                lock (_gate)
                {
                    foreach ((string channel, string kind, long delta) in quality)
                    {
                        long left = _quality[(channel, kind)] - delta;
                        if (left == 0)
                        {
                            _quality.Remove((channel, kind));
                        }
                        else
                        {
                            _quality[(channel, kind)] = left;
                        }
                    }
                }
            }

            if (batch.Length > 0)
            {
                IdRange ids = _store.AddPredictions(batch);
                lock (_gate)
                {
                    // Rows added meanwhile stay; the committed ones are the oldest unless some were dropped meanwhile.
                    for (int i = 0; i < batch.Length && _pending.Count > 0 && ReferenceEquals(_pending.Peek(), batch[i]); i++)
                    {
                        _pending.Dequeue();
                    }
                }

                Interlocked.Add(ref _committed, batch.Length);
                _lastCommittedId = ids.LastId;
                PipelineLog.PredictionsCommitted(_logger, ids.FirstId, ids.LastId, batch[^1].WindowId);
            }

            LastError = null;
            return true;
        }
        catch (Exception ex) when (ex is StoreException or SqliteException or IOException or ObjectDisposedException)
        {
            LastError = ex.Message;
            PipelineLog.CommitFailed(_logger, batch.Length, ex);
            return false;
        }
    }

    /// <summary>The store id of the last committed prediction.</summary>
    public long LastCommittedId => _lastCommittedId;

    private void Wake() => Volatile.Read(ref _due).TrySetResult();

    private async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        TaskCompletionSource due = Volatile.Read(ref _due);
        using var delay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task timer = Task.Delay(timeout, _time, delay.Token);
        await Task.WhenAny(due.Task, timer).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await delay.CancelAsync().ConfigureAwait(false);
        if (due.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _due, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), due);
        }
    }
}
