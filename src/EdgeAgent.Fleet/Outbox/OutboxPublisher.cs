using System.Collections.Concurrent;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static EdgeAgent.Fleet.OptionsText;

namespace EdgeAgent.Fleet.Outbox;

/// <summary>
/// Drains the store's outbox to MQTT at QoS 1: alerts first, then drift, status and other events, then predictions;
/// each stream in sequence order, at most <see cref="UplinkOptions.MaxInFlight"/> messages awaiting their PUBACK.
/// </summary>
/// <remarks>
/// <para>
/// A row is marked sent only after its PUBACK, in one transaction with the other acknowledgements of the pass. While the
/// link is down, what is in flight waits in libmosquitto and goes, in order, after the reconnect; a kill -9 leaves it
/// pending, so it goes again at the next start under the same message id (the fleet drops the copy).
/// </para>
/// <para>
/// A refusal by the broker (PUBACK reason 0x80 or above, such as 0x87 not authorized) keeps the row pending and holds
/// its stream for <see cref="UplinkOptions.RetryDelay"/>; then one message at a time is tried until one is acknowledged.
/// Messages of that stream already in flight behind the refused one may arrive before it.
/// </para>
/// <para>
/// Every hand-over counts its PUBLISH packet bytes toward the UTC day (kept in the store across restarts); once the day
/// reaches <see cref="UplinkOptions.DailyByteBudget"/>, predictions wait for the next day while the other streams go on.
/// </para>
/// <para>One loop does all the work; acknowledgements only queue a note and wake it. A failed pass is logged and retried.</para>
/// </remarks>
public sealed partial class OutboxPublisher : BackgroundService
{
    /// <summary>model_state key of today's byte count.</summary>
    internal const string UsageKey = "uplink.usage";

    private readonly EdgeStore _store;
    private readonly MqttClient _client;
    private readonly FleetOutbox _outbox;
    private readonly UplinkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly UplinkTopics _topics;
    private readonly ConcurrentQueue<(InFlightMessage Message, Exception? Error)> _completions = new();
    private readonly Dictionary<string, StreamCursor> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _batchSizes = [];
    private readonly HashSet<long> _inFlightRows = [];
    private readonly HashSet<long> _attempted = [];
    private readonly HashSet<long> _sent = [];
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _sentPredictionsUnrecorded;
    private long? _partialBatchSince;
    private long? _lastAlertPoll;
    private bool _clientGone;

    /// <summary>Creates the publisher; it starts the MQTT client and drains once the host starts it.</summary>
    /// <exception cref="OptionsValidationException">A setting is out of range; each message names it.</exception>
    public OutboxPublisher(
        EdgeStore store,
        MqttClient client,
        FleetOutbox outbox,
        IOptions<UplinkOptions> options,
        TimeProvider? timeProvider = null,
        ILogger<OutboxPublisher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptionsResult valid = new UplinkOptionsValidator().Validate(null, options.Value);
        if (valid.Failed)
        {
            throw new OptionsValidationException(UplinkOptions.SectionName, typeof(UplinkOptions), valid.Failures);
        }

        _store = store;
        _client = client;
        _outbox = outbox;
        _options = options.Value;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _topics = new UplinkTopics(_options.TopicPrefix, _options.Fleet, _options.Device ?? client.ClientId);
    }

    /// <summary>The device's topic prefix, such as <c>edge/plant-7/jetson-0042</c>.</summary>
    public string TopicPrefix => _topics.Prefix;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        _outbox.Changed += Wake;
        try
        {
            _client.Start();
            Log.Started(
                _logger,
                _topics.Prefix,
                _options.MaxInFlight,
                _options.PredictionBatchSize,
                Duration(_options.PredictionBatchDelay),
                _options.CompressAbove is { } above ? Invariant($"{above}") : "never",
                _options.DailyByteBudget is { } budget ? Invariant($"{budget} bytes") : "none");
            while (!stoppingToken.IsCancellationRequested && !_clientGone)
            {
                var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _wake, wake);
                TimeSpan? next = RunPass();
                await WaitAsync(wake.Task, next, stoppingToken).ConfigureAwait(false);
            }

            await FinishAsync().ConfigureAwait(false);
        }
        finally
        {
            _outbox.Changed -= Wake;
        }
    }

    /// <summary>Wakes the loop: something was queued, acknowledged or announced.</summary>
    private void Wake() => Volatile.Read(ref _wake).TrySetResult();

    private TimeSpan? RunPass()
    {
        try
        {
            return Pass();
        }
        catch (ObjectDisposedException e) when (e.ObjectName == typeof(MqttClient).FullName || e.ObjectName == nameof(MqttClient))
        {
            _clientGone = true;
            Log.ClientGone(_logger);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.PassFailed(_logger, Duration(_options.RetryDelay), e);
            return _options.RetryDelay;
        }
    }

    /// <summary>One pass: take acknowledgements, feed the outbox, fill the window, record progress. Returns when the next timed step is due.</summary>
    private TimeSpan? Pass()
    {
        long now = _time.GetTimestamp();
        DateTimeOffset wallNow = _time.GetUtcNow();
        EnsureUsage(wallNow);
        TakeCompletions(now);
        RollDay(wallNow);
        TimeSpan? due = QueueAlerts(now);
        due = Earliest(due, QueuePredictions(now));
        due = Earliest(due, FillWindow(now));
        CommitProgress();
        if (BudgetExhausted)
        {
            NoteBudgetReached();
            due = Earliest(due, _usage.End - wallNow);
        }

        return due;
    }

    private async Task WaitAsync(Task wake, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (wake.IsCompleted || timeout <= TimeSpan.Zero || cancellationToken.IsCancellationRequested)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task timer = timeout is { } t ? Task.Delay(t, _time, stop.Token) : Task.Delay(Timeout.InfiniteTimeSpan, stop.Token);
        await Task.WhenAny(wake, timer).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
    }

    /// <summary>At shutdown: wait up to <see cref="UplinkOptions.StopGrace"/> for what is in flight, then record what was acknowledged.</summary>
    private async Task FinishAsync()
    {
        long began = _time.GetTimestamp();
        while (_inFlight > 0)
        {
            var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _wake, wake);
            TakeCompletions(_time.GetTimestamp());
            TimeSpan left = _options.StopGrace - _time.GetElapsedTime(began);
            if (_inFlight == 0 || left <= TimeSpan.Zero)
            {
                break;
            }

            await WaitAsync(wake.Task, left, CancellationToken.None).ConfigureAwait(false);
        }

        try
        {
            CommitProgress();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.FinalCommitFailed(_logger, e);
        }

        Log.Stopped(_logger, Statistics().MessagesAcknowledged, _inFlight);
    }

    /// <summary>Records the pass's hand-overs and acknowledgements and today's byte count in one transaction.</summary>
    private void CommitProgress()
    {
        if (_attempted.Count == 0 && _sent.Count == 0 && !_usageDirty)
        {
            return;
        }

        _store.RecordOutboxProgress(_attempted, _sent, UsageKey, _usage.ToString());
        _attempted.Clear();
        _sent.Clear();
        _sentPredictionsUnrecorded = 0;
        _usageDirty = false;
    }

    private static TimeSpan? Earliest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}
