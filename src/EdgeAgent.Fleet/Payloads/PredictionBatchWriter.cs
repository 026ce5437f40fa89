using System.Text.Json;
using EdgeAgent.Storage;

namespace EdgeAgent.Fleet.Payloads;

/// <summary>
/// Writes a batch of predictions as one payload (see WIRE-FORMAT.md): a header, the model versions once, then one row
/// per prediction <c>[Δid, Δtime ms, Δwindow, score, quality flags, model index, values]</c> with the deltas taken from
/// the previous row (the first row from <c>first</c>, <c>t0</c>, <c>w0</c>), so steady streams cost a few bytes a row.
/// </summary>
public static class PredictionBatchWriter
{
    /// <summary>The JSON of message <paramref name="sequence"/> (id <paramref name="messageId"/>) carrying <paramref name="batch"/>, oldest first.</summary>
    public static byte[] Write(string messageId, long sequence, IReadOnlyList<Prediction> batch)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            throw new ArgumentException("A prediction batch needs at least one prediction.", nameof(batch));
        }

        return PayloadJson.Write(messageId, sequence, 128 + (batch.Count * 48), json => WriteBody(json, batch));
    }

    private static void WriteBody(Utf8JsonWriter json, IReadOnlyList<Prediction> batch)
    {
        Prediction first = batch[0];
        json.WriteNumber("n", batch.Count);
        json.WriteNumber("first", first.Id);
        json.WriteNumber("t0", first.Time.ToUnixTimeMilliseconds());
        json.WriteNumber("w0", first.WindowId);

        var models = new List<string>(1);
        json.WriteStartArray("models");
        foreach (Prediction p in batch)
        {
            if (!models.Contains(p.ModelVersion))
            {
                models.Add(p.ModelVersion);
                json.WriteStringValue(p.ModelVersion);
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("rows");
        long id = first.Id;
        long time = first.Time.ToUnixTimeMilliseconds();
        long window = first.WindowId;
        foreach (Prediction p in batch)
        {
            long t = p.Time.ToUnixTimeMilliseconds();
            json.WriteStartArray();
            json.WriteNumberValue(p.Id - id);
            json.WriteNumberValue(t - time);
            json.WriteNumberValue(p.WindowId - window);
            PayloadJson.WriteScore(json, p.Score);
            json.WriteNumberValue(p.QualityFlags);
            json.WriteNumberValue(models.IndexOf(p.ModelVersion));
            PayloadJson.WriteRaw(json, p.ValuesJson);
            json.WriteEndArray();
            (id, time, window) = (p.Id, t, p.WindowId);
        }

        json.WriteEndArray();
    }
}
