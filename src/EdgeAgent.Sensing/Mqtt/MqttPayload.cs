using System.Globalization;
using System.Text.Json;

namespace EdgeAgent.Sensing.Mqtt;

/// <summary>
/// Reads the values of an MQTT sensor message (the contract <see cref="MqttSource"/> documents): a bare JSON number,
/// or a JSON object with an optional ISO 8601 time <c>t</c> and the value in <c>v</c> or in the field a channel names.
/// </summary>
internal static class MqttPayload
{
    /// <summary>The field a channel without a <see cref="MqttChannelOptions.Field"/> reads from an object.</summary>
    public const string DefaultField = "v";

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    /// <summary>
    /// Reads the value of each field in <paramref name="fields"/> (a dotted path split into names, or null for a bare
    /// number or <c>v</c>) into <paramref name="values"/>, NaN where there is none.
    /// </summary>
    /// <param name="payload">The message's payload.</param>
    /// <param name="fields">The field of each channel that reads the topic.</param>
    /// <param name="values">Receives one value per field; NaN where it could not be read.</param>
    /// <param name="time">The payload's <c>t</c>, when it has one.</param>
    /// <returns>Null when every value was read; otherwise why the first one (or the whole message) was not.</returns>
    public static string? Read(ReadOnlyMemory<byte> payload, IReadOnlyList<string[]?> fields, Span<double> values, out DateTimeOffset? time)
    {
        values.Fill(double.NaN);
        time = null;
        if (payload.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return "the payload is empty";
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, DocumentOptions);
        }
        catch (JsonException)
        {
            return "the payload is neither JSON nor a number";
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Number => ReadNumber(root, fields, values),
                JsonValueKind.Object => ReadObject(root, fields, values, out time),
                _ => $"the payload is a JSON {Describe(root.ValueKind)}, not a number or an object",
            };
        }
    }

    private static string? ReadNumber(JsonElement root, IReadOnlyList<string[]?> fields, Span<double> values)
    {
        string? problem = null;
        for (int i = 0; i < fields.Count; i++)
        {
            if (fields[i] is { } path)
            {
                problem ??= $"the payload is a bare number, but a channel reads field '{string.Join('.', path)}'";
            }
            else if (TryGetFinite(root, out double value, out string? why))
            {
                values[i] = value;
            }
            else
            {
                problem ??= $"the payload {why}";
            }
        }

        return problem;
    }

    private static string? ReadObject(JsonElement root, IReadOnlyList<string[]?> fields, Span<double> values, out DateTimeOffset? time)
    {
        time = null;
        if (root.TryGetProperty("t", out JsonElement t))
        {
            if (t.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset parsed))
            {
                return "field 't' is not an ISO 8601 time such as 2026-12-02T10:00:00.123Z";
            }

            time = parsed;
        }

        string? problem = null;
        for (int i = 0; i < fields.Count; i++)
        {
            string[] path = fields[i] ?? [DefaultField];
            if (!TryFind(root, path, out JsonElement element))
            {
                problem ??= $"there is no field '{string.Join('.', path)}'";
            }
            else if (TryGetFinite(element, out double value, out string? why))
            {
                values[i] = value;
            }
            else
            {
                problem ??= $"field '{string.Join('.', path)}' {why}";
            }
        }

        return problem;
    }

    private static bool TryFind(JsonElement root, string[] path, out JsonElement element)
    {
        element = root;
        foreach (string name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryGetFinite(JsonElement element, out double value, out string? why)
    {
        value = double.NaN;
        if (element.ValueKind != JsonValueKind.Number)
        {
            why = $"is a JSON {Describe(element.ValueKind)}, not a number";
            return false;
        }

        if (!element.TryGetDouble(out value) || !double.IsFinite(value))
        {
            why = "is a number out of range";
            value = double.NaN;
            return false;
        }

        why = null;
        return true;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
