using EdgeAgent.Fleet.Payloads;

namespace EdgeAgent.Fleet.Tests.Support;

/// <summary>An uplink message as a fleet-side subscriber received it.</summary>
internal sealed record ReceivedUplink(string Topic, byte[] Payload, IReadOnlyList<KeyValuePair<string, string>> Properties, bool Duplicate = false)
{
    /// <summary>The last topic level: the stream.</summary>
    public string Stream => Topic[(Topic.LastIndexOf('/') + 1)..];

    /// <summary>The <c>id</c> user property.</summary>
    public string MessageId => Properties.Single(p => p.Key == WireProperties.MessageId).Value;

    /// <summary>The sequence number inside the message id.</summary>
    public long Sequence => EdgeAgent.Fleet.Payloads.MessageId.TryParse(MessageId, out _, out long sequence) ? sequence : throw new FormatException($"bad id '{MessageId}'");

    /// <summary>Whether the message says it is gzip.</summary>
    public bool SaysGzip => Properties.Any(p => p.Key == WireProperties.ContentEncoding && p.Value == WireProperties.Gzip);

    public PredictionBatch Predictions() => PayloadReader.ReadPredictions(Payload);
}
