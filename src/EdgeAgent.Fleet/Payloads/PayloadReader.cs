using System.IO.Compression;
using System.Text.Json;

namespace EdgeAgent.Fleet.Payloads;

/// <summary>The fleet side of the wire format: decompresses a payload, reads its header and decodes prediction batches.</summary>
public static class PayloadReader
{
    /// <summary>The payload's JSON document, gunzipped first when it is gzip.</summary>
    /// <exception cref="FormatException">The payload is not valid gzip or JSON.</exception>
    public static JsonDocument Parse(ReadOnlySpan<byte> payload)
    {
        try
        {
            return JsonDocument.Parse(PayloadCompression.Decode(payload));
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new FormatException($"The payload is not an uplink message: {e.Message}", e);
        }
    }

    /// <summary>The header every payload starts with: format version, message id and sequence number.</summary>
    /// <exception cref="FormatException">The payload is not an uplink message.</exception>
    public static (int Version, string MessageId, long Sequence) ReadHeader(ReadOnlySpan<byte> payload)
    {
        using JsonDocument document = Parse(payload);
        return ReadHeader(document.RootElement);
    }

    /// <summary>Decodes a prediction batch (see <see cref="PredictionBatchWriter"/>).</summary>
    /// <exception cref="FormatException">The payload is not a version 1 prediction batch.</exception>
    public static PredictionBatch ReadPredictions(ReadOnlySpan<byte> payload)
    {
        using JsonDocument document = Parse(payload);
        JsonElement root = document.RootElement;
        try
        {
            (int version, string id, long sequence) = ReadHeader(root);
            if (version != PayloadJson.Version)
            {
                throw new FormatException($"Prediction batch {id} has format version {version}; this reader knows version {PayloadJson.Version}.");
            }

            long previousId = root.GetProperty("first").GetInt64();
            long previousTime = root.GetProperty("t0").GetInt64();
            long previousWindow = root.GetProperty("w0").GetInt64();
            string[] models = [.. root.GetProperty("models").EnumerateArray().Select(m => m.GetString() ?? "")];
            var predictions = new List<UplinkPrediction>(root.GetProperty("n").GetInt32());
            foreach (JsonElement row in root.GetProperty("rows").EnumerateArray())
            {
                previousId += row[0].GetInt64();
                previousTime += row[1].GetInt64();
                previousWindow += row[2].GetInt64();
                double? score = row[3].ValueKind == JsonValueKind.Null ? null : row[3].GetDouble();
                JsonElement values = row[6];
                predictions.Add(new UplinkPrediction(
                    previousId,
                    DateTimeOffset.FromUnixTimeMilliseconds(previousTime),
                    previousWindow,
                    score,
                    row[4].GetInt32(),
                    models[row[5].GetInt32()],
                    values.ValueKind == JsonValueKind.String ? values.GetString()! : values.GetRawText()));
            }

            return new PredictionBatch(id, sequence, predictions);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new FormatException($"The payload is not a prediction batch: {e.Message}", e);
        }
    }

    /// <summary>How many predictions a batch carries (its <c>n</c>), or 0 when the payload is not a prediction batch.</summary>
    public static int CountPredictions(ReadOnlySpan<byte> payload)
    {
        try
        {
            using JsonDocument document = Parse(payload);
            return document.RootElement.TryGetProperty("n", out JsonElement n) && n.TryGetInt32(out int count) ? count : 0;
        }
        catch (FormatException)
        {
            return 0;
        }
    }

    private static (int Version, string MessageId, long Sequence) ReadHeader(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("v", out JsonElement v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int version)
            || !root.TryGetProperty("id", out JsonElement id) || id.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("seq", out JsonElement seq) || seq.ValueKind != JsonValueKind.Number || !seq.TryGetInt64(out long sequence))
        {
            throw new FormatException("The payload has no uplink header (v, id, seq).");
        }

        return (version, id.GetString()!, sequence);
    }
}
