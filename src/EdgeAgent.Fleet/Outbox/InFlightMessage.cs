using EdgeAgent.Storage;

namespace EdgeAgent.Fleet.Outbox;

/// <summary>An outbox row on its way to the broker, with what it costs on the wire.</summary>
internal sealed record InFlightMessage(
    OutboxMessage Row,
    string Topic,
    string MessageId,
    KeyValuePair<string, string>[] Properties,
    int WireBytes,
    int Predictions);
