namespace EdgeAgent.Storage;

/// <summary>Where an outbox row is on its way to the broker.</summary>
public enum OutboxState
{
    /// <summary>Not yet acknowledged by the broker; never dropped by retention.</summary>
    Pending = 0,

    /// <summary>Acknowledged; the first thing retention drops.</summary>
    Sent = 1,
}

/// <summary>A message waiting in, or delivered from, the outbox.</summary>
/// <param name="Id">Store id.</param>
/// <param name="Stream">The stream (topic suffix) it belongs to.</param>
/// <param name="Sequence">Its number in the stream: 1, 2, 3... without gaps.</param>
/// <param name="Payload">The bytes to publish.</param>
/// <param name="State">Pending or sent.</param>
/// <param name="SendCount">How many times it was handed to the broker.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="LastAttemptAt">When it was last handed to the broker.</param>
public sealed record OutboxMessage(
    long Id,
    string Stream,
    long Sequence,
    ReadOnlyMemory<byte> Payload,
    OutboxState State,
    int SendCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt);
