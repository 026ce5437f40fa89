using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgeAgent.Fleet.Payloads;

/// <summary>What every payload writer shares: the JSON settings and the header fields <c>v</c>, <c>id</c>, <c>seq</c>.</summary>
internal static class PayloadJson
{
    /// <summary>The wire format version written in <c>v</c>.</summary>
    public const int Version = 1;

    /// <summary>UTF-8 text as it is (no \uXXXX escapes for non-ASCII): the payload is never embedded in HTML.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a payload object: the header, then <paramref name="body"/>'s fields.</summary>
    public static byte[] Write(string messageId, long sequence, int sizeHint, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(sizeHint);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteString("id", messageId);
            json.WriteNumber("seq", sequence);
            body(json);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// A score: in its shortest single-precision form when it is exactly a float (model outputs are), which is several
    /// digits shorter and reads back to the same float; null when it is not finite.
    /// </summary>
    public static void WriteScore(Utf8JsonWriter json, double score)
    {
        if (!double.IsFinite(score))
        {
            json.WriteNullValue();
        }
        else if ((double)(float)score == score)
        {
            json.WriteNumberValue((float)score);
        }
        else
        {
            json.WriteNumberValue(score);
        }
    }

    /// <summary>JSON kept as text: written as it is when it is valid JSON, otherwise as a string holding it.</summary>
    public static void WriteRaw(Utf8JsonWriter json, string text)
    {
        if (IsValidJson(text))
        {
            json.WriteRawValue(text, skipInputValidation: true);
        }
        else
        {
            json.WriteStringValue(text);
        }
    }

    private static bool IsValidJson(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
            reader.Read();
            reader.Skip();
            return !reader.Read(); // one value, nothing after it
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
