using System.Text.Json;
using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.FleetWatch.Model;

/// <summary>
/// The fleet as its devices' messages describe it: each message on <c>edge/{fleet}/{device}/{stream}</c> is folded into that
/// device's state. Repeats and late arrivals (an older sequence number of the same epoch) do not move a state back; a
/// payload that does not follow the wire format is counted against its device and otherwise ignored. Thread-safe.
/// </summary>
internal sealed partial class FleetView
{
    private readonly Dictionary<string, DeviceState> _devices = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _started;
    private long _version;

    public FleetView(string fleet, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(fleet);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Fleet = fleet;
        _time = timeProvider;
        _started = timeProvider.GetUtcNow();
    }

    public string Fleet { get; }

    /// <summary>Goes up with every message folded in; equal numbers mean nothing changed in between.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Raised after a message was folded in, on the thread that applied it.</summary>
    public event EventHandler? Changed;

    /// <summary>Folds in a message the subscription delivered.</summary>
    public bool Apply(MqttMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Apply(message.Topic, message.Payload.Span, message.Retain);
    }

    /// <summary>Folds in a message; false when the topic is not a device stream of this fleet (then nothing changed).</summary>
    /// <param name="topic">The topic it was published to.</param>
    /// <param name="payload">Its payload.</param>
    /// <param name="retained">Whether the broker sent it as the topic's retained message (then it is not news of the device now).</param>
    public bool Apply(string topic, ReadOnlySpan<byte> payload, bool retained)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (!FleetTopic.TryParse(Fleet, topic, out string device, out string stream))
        {
            return false;
        }

        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!_devices.TryGetValue(device, out DeviceState? state))
            {
                state = new DeviceState(device);
                _devices.Add(device, state);
            }

            bool fromDevice = stream == FleetTopic.Status ? ApplyStatus(state, payload) : ApplyEvent(state, stream, payload);
            if (fromDevice && !retained)
            {
                state.Seen(now); // any message from the device; not the broker's Will, not a replay of the retained one
            }

            Interlocked.Increment(ref _version);
        }

        Changed?.Invoke(this, EventArgs.Empty);
        return true;
    }

    /// <summary>Every device seen so far, by name, as it stands at the view's clock's now.</summary>
    /// <param name="offlineAfter">
    /// How long a device whose status says online may be silent, counted from when it was last heard or the view started,
    /// whichever is later, before it shows as <see cref="Presence.Silent"/>.
    /// </param>
    public IReadOnlyList<DeviceRow> Snapshot(TimeSpan offlineAfter)
    {
        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            return [.. _devices.Values.OrderBy(d => d.Device, StringComparer.Ordinal).Select(d => d.ToRow(now, _started, offlineAfter))];
        }
    }

    /// <summary>The status topic: a JSON status (online), the Will's plain <c>offline</c>, or empty (retained status cleared).</summary>
    /// <returns>Whether the message came from the device itself (the Will and a cleared status do not).</returns>
    private static bool ApplyStatus(DeviceState state, ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            state.Presence = Presence.Unknown;
            state.StatusMark = null;
            return false;
        }

        if (WirePayload.PlainText(payload) is { } text)
        {
            if (text.Equals("offline", StringComparison.OrdinalIgnoreCase))
            {
                state.Presence = Presence.Offline; // the Will carries no sequence number: it always applies
                state.StatusMark = null; // the next JSON status is news whatever its number
                return false;
            }

            if (text.Equals("online", StringComparison.OrdinalIgnoreCase))
            {
                state.Presence = Presence.Online;
                return true;
            }

            state.CountMalformed(FleetTopic.Status, $"unknown status text '{Shorten(text)}'");
            return true;
        }

        if (!WirePayload.TryParse(payload, out JsonDocument? document, out MessageMark mark, out string? problem))
        {
            state.CountMalformed(FleetTopic.Status, problem!);
            return true;
        }

        using (document)
        {
            JsonElement root = document!.RootElement;
            string? agent = WirePayload.String(root, "agent");
            string? health = WirePayload.String(root, "health");
            if (agent is null || health is null)
            {
                state.CountMalformed(FleetTopic.Status, "status without agent or health");
                return true;
            }

            state.Seen(WirePayload.Time(root, "at"));
            if (!MessageMark.Supersedes(state.StatusMark, mark))
            {
                return true;
            }

            state.StatusMark = mark;
            state.Presence = Presence.Online;
            state.AgentVersion = agent;
            state.Health = health;
            state.Model = WirePayload.String(root, "model");
            state.ModelVersion = WirePayload.String(root, "modelVersion");
            state.ModelState = WirePayload.String(root, "modelState");
            return true;
        }
    }

    /// <summary>Every other stream: alerts and drift are folded in, the rest (predictions, updates...) only checked.</summary>
    private static bool ApplyEvent(DeviceState state, string stream, ReadOnlySpan<byte> payload)
    {
        if (!WirePayload.TryParse(payload, out JsonDocument? document, out MessageMark mark, out string? problem))
        {
            state.CountMalformed(stream, problem!);
            return true;
        }

        using (document)
        {
            JsonElement root = document!.RootElement;
            string? error = stream switch
            {
                FleetTopic.Alerts => ApplyAlert(state, root, mark),
                FleetTopic.Drift => ApplyDrift(state, root, mark),
                _ => null,
            };
            if (error is not null)
            {
                state.CountMalformed(stream, error);
            }

            return true;
        }
    }

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
