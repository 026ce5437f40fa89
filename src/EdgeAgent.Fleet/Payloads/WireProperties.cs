namespace EdgeAgent.Fleet.Payloads;

/// <summary>The MQTT 5 user properties every uplink message carries (see WIRE-FORMAT.md).</summary>
public static class WireProperties
{
    /// <summary>The message id, <c>&lt;epoch&gt;:&lt;sequence&gt;</c>: the same on every redelivery, unique per topic.</summary>
    public const string MessageId = "id";

    /// <summary>Present, with the value <see cref="Gzip"/>, only when the payload is gzip-compressed.</summary>
    public const string ContentEncoding = "content-encoding";

    /// <summary>The value of <see cref="ContentEncoding"/> for a gzip payload.</summary>
    public const string Gzip = "gzip";

    private static readonly KeyValuePair<string, string> GzipProperty = new(ContentEncoding, Gzip);

    /// <summary>The user properties for a message with <paramref name="messageId"/> and the given payload.</summary>
    public static KeyValuePair<string, string>[] For(string messageId, ReadOnlySpan<byte> payload) =>
        PayloadCompression.IsGzip(payload) ? [new(MessageId, messageId), GzipProperty] : [new(MessageId, messageId)];
}
