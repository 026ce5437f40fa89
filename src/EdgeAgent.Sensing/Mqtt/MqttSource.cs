using System.Threading.Channels;
using EdgeAgent.Mqtt;
using EdgeAgent.Mqtt.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Sensing.Mqtt;

/// <summary>
/// Readings that other local devices publish to an MQTT broker, as rows at a fixed
/// <see cref="MqttSourceOptions.SampleRate"/>: each row holds, for each channel, the last value that had arrived by
/// the row's time (sample and hold), or NaN when that value is older than <see cref="MqttSourceOptions.StaleAfter"/>
/// or there has been none, so the quality stage flags the gap. The stream does not end.
/// </summary>
/// <remarks>
/// <para>
/// Payload contract, per message on a channel's topic (UTF-8):
/// a bare JSON number (<c>0.123</c>), read by the channels of the topic that name no field;
/// or a JSON object with the value in <c>v</c> (<c>{"t": "2026-12-02T10:00:00.123Z", "v": 0.123}</c>), or in the
/// field each channel names (<see cref="MqttChannelOptions.Field"/>, a dotted path such as <c>values.vib_x</c> in
/// <c>{"t": "...", "values": {"vib_x": 0.1, "vib_y": 0.2}}</c>). <c>t</c> is optional; when given it must be an
/// ISO 8601 time (UTC unless it carries an offset). Rows are timed by this agent's clock, not by <c>t</c>: a value
/// counts from when it arrived, and <c>t</c> only rejects a message that is already older than StaleAfter when it
/// arrives (a backlog, an old retained message, or a publisher whose clock is behind; the log says which topic).
/// Values must be finite numbers.
/// </para>
/// <para>
/// A message that cannot be read (not JSON, no such field, not a number, a topic no channel reads, stale on arrival)
/// is counted in <see cref="RejectedMessages"/>, logged with its topic and the reason at most once per
/// <see cref="RejectLogInterval"/> and dropped; the values of its other channels are still taken. Nothing about a
/// message ever throws into the pipeline.
/// </para>
/// <para>
/// Threads: the MQTT client's handler only reads the payload and queues the values (at most
/// <see cref="MqttSourceOptions.QueueCapacity"/>; the oldest are dropped and counted in <see cref="DroppedValues"/>);
/// <see cref="ReadAsync"/> waits on the injected <see cref="TimeProvider"/> and applies queued values in arrival order
/// up to each row's time. Creating the source never waits for the broker: the client connects and reconnects in the
/// background, and while it cannot the rows go NaN as values age.
/// </para>
/// </remarks>
public sealed partial class MqttSource : ISensorSource
{
    /// <summary>At most one rejected-message line per this long; the lines in between are counted.</summary>
    public static readonly TimeSpan RejectLogInterval = TimeSpan.FromSeconds(30);

    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly long _epoch;
    private readonly double _rate;
    private readonly TimeSpan _staleAfter;
    private readonly int _queueCapacity;
    private readonly string[] _topics;
    private readonly Dictionary<string, TopicBinding> _bindings;
    private readonly Channel<ChannelUpdate> _queue;
    private readonly MqttClient _client;
    private readonly string _filters;
    private long _droppedValues;
    private volatile bool _disposed;

    /// <summary>Creates the MQTT client, subscribes and starts connecting in the background.</summary>
    /// <param name="options">The broker, topics and channels; checked as <see cref="MqttSourceOptionsValidator"/> does.</param>
    /// <param name="timeProvider">The clock that paces the rows, times arrivals and stamps rows; the MQTT client's backoff runs on it too.</param>
    /// <param name="logger">Where to log (the MQTT client logs its connection lines here too); none when null.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names each bad setting.</exception>
    /// <exception cref="SensorException">The MQTT client cannot be created (libmosquitto is missing or refused a setting).</exception>
    public MqttSource(MqttSourceOptions options, TimeProvider timeProvider, ILogger<MqttSource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        MqttSourceOptionsValidator.ThrowIfInvalid(options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = timeProvider;
        _epoch = timeProvider.GetTimestamp();
        _rate = options.SampleRate;
        _staleAfter = options.StaleAfter;
        _queueCapacity = options.QueueCapacity;
        Channels = [.. options.Channels.Select(c => new SensorChannel(c.Name, c.Units ?? "", _rate))];
        _topics = [.. options.Channels.Select(c => c.Topic)];
        _bindings = Bind(options.Channels);
        _held = new double[Channels.Count];
        _arrived = new TimeSpan?[Channels.Count];
        _staleLogged = new bool[Channels.Count];
        _queue = Channel.CreateBounded<ChannelUpdate>(
            new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.DropOldest },
            _ => Interlocked.Increment(ref _droppedValues));

        MqttClientOptions clientOptions = options.ToClientOptions();
        Name = $"mqtt:{clientOptions.Host}:{clientOptions.EffectivePort}";
        string[] filters = options.Topic is { } topic ? [topic] : [.. _topics.Distinct(StringComparer.Ordinal)];
        _filters = string.Join(", ", filters);
        try
        {
            _client = new MqttClient(clientOptions, _logger, timeProvider);
        }
        catch (MqttException ex)
        {
            throw new SensorException($"{Name}: cannot create the MQTT client ({MqttSourceOptions.SectionName}): {ex.Message}", ex);
        }

        _client.Connected += OnConnected;
        _client.Disconnected += OnDisconnected;
        foreach (string filter in filters)
        {
            // Not started yet, so this only registers the filter (it completes at once); it is sent at every connect.
            _ = _client.SubscribeAsync(filter, options.Qos, OnMessageAsync);
        }

        _client.Start();
        Log.SourceOpened(_logger, Name, Channels.Count, string.Join(", ", Channels.Select((c, i) => $"{c.Name} from {_topics[i]}")));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<SensorChannel> Channels { get; }

    /// <summary>The MQTT client id.</summary>
    public string ClientId => _client.ClientId;

    /// <summary>Whether the broker has accepted the current connection.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Messages delivered to the source and handled so far (their values queued), rejected ones included.</summary>
    public long ReceivedMessages => Interlocked.Read(ref _receivedMessages);

    /// <summary>Messages rejected so far (at least one of their values could not be read, or the topic is no channel's).</summary>
    public long RejectedMessages => Interlocked.Read(ref _rejectedMessages);

    /// <summary>Received values dropped, oldest first, because the reader fell more than <see cref="MqttSourceOptions.QueueCapacity"/> behind.</summary>
    public long DroppedValues => Interlocked.Read(ref _droppedValues);

    /// <summary>Rows given to readers so far.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Rows skipped because the reader came more than a block late.</summary>
    public long MissedRows { get; private set; }

    /// <inheritdoc />
    /// <remarks>Disconnects from the broker; once it returns, no message reaches the source again.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await _client.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _client.Connected -= OnConnected;
            _client.Disconnected -= OnDisconnected;
            _queue.Writer.TryComplete();
            Log.SourceClosed(_logger, Name, RowsRead);
        }
    }

    private static Dictionary<string, TopicBinding> Bind(List<MqttChannelOptions> channels)
    {
        var bindings = new Dictionary<string, TopicBinding>(StringComparer.Ordinal);
        foreach (IGrouping<string, (MqttChannelOptions Channel, int Index)> topic in channels.Select((c, i) => (Channel: c, Index: i)).GroupBy(c => c.Channel.Topic, StringComparer.Ordinal))
        {
            bindings[topic.Key] = new TopicBinding(
                [.. topic.Select(c => c.Index)],
                [.. topic.Select(c => c.Channel.Field?.Split('.'))]);
        }

        return bindings;
    }

    private TimeSpan Elapsed() => _time.GetElapsedTime(_epoch);

    // The client raises its events one at a time, on its event dispatcher.
    private void OnConnected(object? sender, MqttConnectedEventArgs e)
    {
        _unreachableLogged = false;
        Log.MqttSubscribed(_logger, Name, _filters);
    }

    private void OnDisconnected(object? sender, MqttDisconnectedEventArgs e)
    {
        if (!_unreachableLogged && !_disposed)
        {
            _unreachableLogged = true;
            Log.MqttUnreachable(_logger, Name, e.Reason, _staleAfter);
        }
    }
}
