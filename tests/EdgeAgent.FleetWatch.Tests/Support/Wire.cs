using System.Text;
using EdgeAgent.Fleet.Outbox;
using EdgeAgent.Fleet.Payloads;
using EdgeAgent.Storage;

namespace EdgeAgent.FleetWatch.Tests.Support;

/// <summary>Payloads in the uplink wire format, written by the device's own writers (src/EdgeAgent.Fleet).</summary>
internal static class Wire
{
    public const string Epoch = "5f3a9c2e7b1d4a60";

    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Status(long seq, string modelVersion, DateTimeOffset? at = null, string health = "healthy") =>
        EventPayloadWriter.Write(MessageId.Format(Epoch, seq), seq, at ?? T0, new DeviceStatus("1.0.0", "bearing-ae", modelVersion, "active", health));

    public static byte[] Alert(long seq, long alert, AlertState state, AlertSeverity severity = AlertSeverity.Critical) =>
        AlertPayloadWriter.Write(MessageId.Format(Epoch, seq), seq, new Alert(
            alert,
            "bearing-hot",
            severity,
            state,
            "bearing 2 at 92 °C",
            T0,
            state == AlertState.Acknowledged ? T0.AddMinutes(1) : null,
            state == AlertState.Cleared ? T0.AddMinutes(2) : null));

    public static byte[] Drift(long seq, string bodyJson) => EventPayloadWriter.Write(MessageId.Format(Epoch, seq), seq, T0, bodyJson);

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The payload gzip-compressed as the outbox does above its threshold.</summary>
    public static byte[] Gzip(byte[] json) => PayloadCompression.Encode(json, compressAbove: 0);
}
