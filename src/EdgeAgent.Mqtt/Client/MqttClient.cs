using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;
using EdgeAgent.Mqtt.Interop;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Mqtt.Client;

/// <summary>
/// An MQTT 5 client over libmosquitto that keeps itself connected.
/// </summary>
/// <remarks>
/// <para>
/// Threads: one dedicated network thread runs libmosquitto's loop, connects and reconnects; libmosquitto's callbacks run
/// there and only copy data into channels. An event dispatcher completes publish and subscribe tasks and raises
/// <see cref="Connected"/> and <see cref="Disconnected"/>; a message dispatcher runs subscription handlers one at a time,
/// in arrival order. Neither ever runs on the network thread, so a slow handler delays later messages but not the link.
/// </para>
/// <para>
/// Sessions: every connect starts a clean session; the client subscribes again to every registered filter after each
/// connect (retained messages are delivered again then). QoS 1 publishes not yet acknowledged when the link drops, and
/// those made while it is down, stay queued in libmosquitto (in memory) and are sent after the next connect; their tasks
/// complete on that PUBACK, and only disposing fails them. QoS 0 publishes made while the link is down fail at once.
/// </para>
/// <para>
/// Disposal: <see cref="DisposeAsync"/> sends DISCONNECT (with the Will when <see cref="MqttClientOptions.PublishWillOnDisconnect"/>),
/// stops the network thread, waits for a handler already running, drops messages not yet handled, then frees libmosquitto.
/// Once it returns, no handler or event is invoked again.
/// </para>
/// </remarks>
public sealed partial class MqttClient : IAsyncDisposable
{
    /// <summary>The largest payload MQTT can carry (the remaining length limit less room for the headers).</summary>
    public const int MaxPayloadLength = 268_435_455 - 65_536 - 1024;

    private const int LoopTimeoutMs = 100;

    private static readonly AsyncLocal<object?> DispatcherScope = new();

    private readonly string _host;
    private readonly int _port;
    private readonly string _clientId;
    private readonly int _keepAliveSeconds;
    private readonly TimeSpan _connectTimeout;
    private readonly int _disconnectReason;
    private readonly int _maxQueuedMessages;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ReconnectBackoff _backoff;
    private readonly Channel<ClientEvent> _events;
    private readonly Channel<ReceivedMessage> _messages;
    private readonly CallbackSink _sink;
    private readonly object _eventScope = new();
    private readonly object _messageScope = new();
    private readonly CancellationTokenSource _disposing = new();
    private readonly TaskCompletionSource _networkStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Guards the native handle against use after destroy, and every table below.</summary>
    private readonly Lock _gate = new();
    private readonly Dictionary<int, PendingPublish> _pendingPublishes = [];
    private readonly Dictionary<int, PendingSubscribe> _pendingSubscribes = [];
    private readonly Dictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly List<TaskCompletionSource> _connectWaiters = [];
    private GCHandle _sinkHandle;
    private nint _mosq;
    private bool _destroyed;
    private bool _sessionUp;
    private string? _lastConnectError;
    private uint _nextSubscriptionId;
    private Thread? _networkThread;
    private Task _eventDispatcher = Task.CompletedTask;
    private Task _messageDispatcher = Task.CompletedTask;
    private Task? _disposeTask;
    private volatile bool _abortLinkRequested;

    /// <summary>Creates the client (nothing is sent until <see cref="Start"/> or <see cref="ConnectAsync"/>).</summary>
    /// <exception cref="OptionsValidationException">An option is out of range; each message names the setting.</exception>
    /// <exception cref="MqttException">libmosquitto is missing or refused a setting.</exception>
    public MqttClient(MqttClientOptions options, ILogger? logger = null, TimeProvider? timeProvider = null)
        : this(options, logger, timeProvider, Random.Shared)
    {
    }

    internal MqttClient(MqttClientOptions options, ILogger? logger, TimeProvider? timeProvider, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        ValidateOptionsResult validation = new MqttClientOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(MqttClientOptions.SectionName, typeof(MqttClientOptions), validation.Failures);
        }

        _host = options.Host;
        _port = options.EffectivePort;
        _clientId = options.ClientId;
        _keepAliveSeconds = (int)options.KeepAlive.TotalSeconds;
        _connectTimeout = options.ConnectTimeout;
        _disconnectReason = options.WillTopic is not null && options.PublishWillOnDisconnect ? MosquittoError.DisconnectWithWill : 0;
        _maxQueuedMessages = options.MaxQueuedMessages;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _backoff = new ReconnectBackoff(options.MinReconnectDelay, options.MaxReconnectDelay, random);
        _events = Channel.CreateUnbounded<ClientEvent>(new UnboundedChannelOptions { SingleReader = true });
        _messages = Channel.CreateBounded<ReceivedMessage>(new BoundedChannelOptions(options.MaxQueuedMessages)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite answers false when full: the message is counted as dropped.
        });
        _sink = new CallbackSink(_events.Writer, _messages.Writer);

        LibraryInitializer.EnsureInitialized();
        _sinkHandle = GCHandle.Alloc(_sink);
        _mosq = Mosquitto.New(_clientId, cleanSession: true, GCHandle.ToIntPtr(_sinkHandle));
        if (_mosq == 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            _sinkHandle.Free();
            throw new MqttException($"mosquitto_new failed for client id '{_clientId}': {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        try
        {
            Configure(options);
        }
        catch
        {
            Mosquitto.Destroy(_mosq);
            _sinkHandle.Free();
            throw;
        }
    }

    /// <summary>Raised on the event dispatcher when the broker accepted a connection and every subscription was sent again.</summary>
    public event EventHandler<MqttConnectedEventArgs>? Connected;

    /// <summary>Raised on the event dispatcher when a connection was lost or an attempt failed; the client retries by itself.</summary>
    public event EventHandler<MqttDisconnectedEventArgs>? Disconnected;

    /// <summary>The MQTT client id (the device id).</summary>
    public string ClientId => _clientId;

    /// <summary>The broker's host.</summary>
    public string Host => _host;

    /// <summary>The broker's port.</summary>
    public int Port => _port;

    /// <summary>Whether the broker has accepted the current connection.</summary>
    public bool IsConnected
    {
        get
        {
            lock (_gate)
            {
                return _sessionUp;
            }
        }
    }

    /// <summary>
    /// Why the last connection attempt failed, for display ("Not authorized", "Connection refused", a TLS error...);
    /// null once the broker accepted a connection.
    /// </summary>
    public string? LastConnectError
    {
        get
        {
            lock (_gate)
            {
                return _lastConnectError;
            }
        }
    }

    private unsafe void Configure(MqttClientOptions options)
    {
        Check(Mosquitto.IntOption(_mosq, MosquittoError.OptionProtocolVersion, MosquittoError.ProtocolV5), "select MQTT 5");
        Check(Mosquitto.ThreadedSet(_mosq, threaded: true), "enable its locks");
        if (!string.IsNullOrEmpty(options.Username))
        {
            Check(Mosquitto.UsernamePasswordSet(_mosq, options.Username, options.Password), "set the user name and password");
        }

        if (options.UseTls)
        {
            string? caPath = options.CaFile is null ? "/etc/ssl/certs" : null;
            Check(Mosquitto.TlsSet(_mosq, options.CaFile, caPath, options.CertFile, options.KeyFile, 0), "set up TLS");
        }

        if (options.WillTopic is not null)
        {
            byte[] payload = Encoding.UTF8.GetBytes(options.WillPayload);
            fixed (byte* p = payload)
            {
                Check(Mosquitto.WillSetV5(_mosq, options.WillTopic, payload.Length, p, (int)options.WillQos, options.WillRetain, 0), "set the Last Will");
            }
        }

        NativeCallbacks.Register(_mosq);
    }

    private static void Check(int rc, string what)
    {
        if (rc != MosquittoError.Success)
        {
            throw new MqttException($"libmosquitto could not {what}: {Mosquitto.DescribeError(rc, 0)}");
        }
    }

    private void Post(ClientEvent e) => _events.Writer.TryWrite(e);

    private string Where => $"{_host}:{_port}";
}
