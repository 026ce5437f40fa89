using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace EdgeAgent.FleetWatch.Model;

/// <summary>
/// Reads an uplink payload as src/EdgeAgent.Fleet/WIRE-FORMAT.md (version 1) describes it: UTF-8 JSON, gzip when it starts
/// with 1F 8B, and a header <c>{"v":1,"id":"&lt;epoch&gt;:&lt;seq&gt;","seq":n, ...}</c>.
/// </summary>
internal static class WirePayload
{
    /// <summary>The format version this reader knows; fields added within it are ignored.</summary>
    public const int Version = 1;

    /// <summary>Parses <paramref name="payload"/>; on failure <paramref name="problem"/> says why and the document is null.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out JsonDocument? document, out MessageMark mark, out string? problem)
    {
        document = null;
        mark = default;
        byte[] json;
        try
        {
            json = IsGzip(payload) ? Gunzip(payload) : payload.ToArray();
        }
        catch (InvalidDataException e)
        {
            problem = $"bad gzip: {e.Message}";
            return false;
        }

        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            problem = $"not JSON: {e.Message}";
            return false;
        }

        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("v", out JsonElement v) || !TryGetInt(v, out long version)
            || !root.TryGetProperty("id", out JsonElement id) || id.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("seq", out JsonElement seq) || !TryGetInt(seq, out long sequence))
        {
            problem = "no header (v, id, seq)";
        }
        else if (version != Version)
        {
            problem = $"format version {version}, this tool reads {Version}";
        }
        else
        {
            string text = id.GetString()!;
            int colon = text.LastIndexOf(':');
            mark = new MessageMark(colon > 0 ? text[..colon] : text, sequence);
            problem = null;
            return true;
        }

        document.Dispose();
        document = null;
        return false;
    }

    /// <summary>Whether the payload is gzip (starts with 1F 8B, which JSON never does).</summary>
    public static bool IsGzip(ReadOnlySpan<byte> payload) => payload.Length >= 2 && payload[0] == 0x1F && payload[1] == 0x8B;

    /// <summary>The payload as plain text when it is short UTF-8 without a JSON start (the Last Will's <c>offline</c>), else null.</summary>
    public static string? PlainText(ReadOnlySpan<byte> payload)
    {
        if (payload.Length is 0 or > 64 || IsGzip(payload))
        {
            return null;
        }

        string text = Encoding.UTF8.GetString(payload).Trim();
        return text.StartsWith('{') || text.StartsWith('[') ? null : text;
    }

    /// <summary>A string property, or null when absent or not a string.</summary>
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>A Unix-milliseconds time property, or null when absent or not a number in range.</summary>
    public static DateTimeOffset? Time(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && TryGetInt(value, out long ms)
            && ms is >= 0 and <= 253_402_300_799_999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    /// <summary>An integer JSON number; false for any other value (<see cref="JsonElement.TryGetInt64"/> throws on those).</summary>
    public static bool TryGetInt(JsonElement element, out long value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
    }

    private static byte[] Gunzip(ReadOnlySpan<byte> payload)
    {
        using var input = new MemoryStream(payload.ToArray(), writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(payload.Length * 4);
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
