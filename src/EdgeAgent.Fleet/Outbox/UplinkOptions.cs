namespace EdgeAgent.Fleet.Outbox;

/// <summary>
/// How the outbox goes to the fleet. Bound from the <c>Uplink</c> configuration section; see
/// <see cref="UplinkOptionsValidator"/> for the ranges.
/// </summary>
public sealed class UplinkOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Uplink";

    /// <summary>The fleet the device belongs to, the <c>{fleet}</c> of its topics. Required; no '/', '+', '#'.</summary>
    public string Fleet { get; set; } = "";

    /// <summary>The <c>{device}</c> of its topics. Default (unset): the MQTT client id, which the broker's ACL ties to the device's topics.</summary>
    public string? Device { get; set; }

    /// <summary>Where the device's streams are published: <c>{prefix}/alerts</c>, <c>{prefix}/predictions</c>... Default <c>edge/{fleet}/{device}</c>.</summary>
    public string TopicPrefix { get; set; } = "edge/{fleet}/{device}";

    /// <summary>
    /// Most messages handed to the broker and not yet acknowledged. Default 16 (mosquitto accepts 20 in flight per
    /// client; more would wait in libmosquitto's memory). Range 1 to 1000.
    /// </summary>
    public int MaxInFlight { get; set; } = 16;

    /// <summary>Most predictions in one message. Default 500. Range 1 to 10000.</summary>
    public int PredictionBatchSize { get; set; } = 500;

    /// <summary>
    /// How long predictions fewer than a full batch wait for more before they go as they are. Default 10 s.
    /// Range 0 (at once) to 1 h.
    /// </summary>
    public TimeSpan PredictionBatchDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Payloads longer than this many bytes are gzip-compressed, and sent compressed when that is smaller. Default 256.
    /// Range 0 to 16777216; unset (null): never compress.
    /// </summary>
    public int? CompressAbove { get; set; } = 256;

    /// <summary>
    /// Most bytes a UTC day may put on the wire (MQTT PUBLISH packets, every stream) before predictions wait for the next
    /// day; alerts, drift and status still go. The last batch sent may take the day over by its own size. Default (unset):
    /// no budget. Range 1024 to 2^40.
    /// </summary>
    public long? DailyByteBudget { get; set; }

    /// <summary>How long a stream waits after the broker refused one of its messages before that message is sent again. Default 30 s. Range 100 ms to 1 h.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the publisher compares the alerts table with what was sent, and looks for predictions, when nobody told it
    /// of a change (<see cref="FleetOutbox.NotifyAlertsChanged"/>, <see cref="FleetOutbox.NotifyPredictionsCommitted"/>).
    /// Default 1 s. Range 10 ms to 1 min.
    /// </summary>
    public TimeSpan AlertPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>On shutdown, how long to wait for the acknowledgements of messages in flight (the rest is sent again at the next start). Default 2 s. Range 0 to 1 min.</summary>
    public TimeSpan StopGrace { get; set; } = TimeSpan.FromSeconds(2);
}
