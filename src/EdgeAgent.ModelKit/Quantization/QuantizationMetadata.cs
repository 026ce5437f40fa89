using System.Text;
using System.Text.Json;
using Proto = global::Onnx;

namespace EdgeAgent.ModelKit.Quantization;

/// <summary>The <c>edgeagent.quantization</c> metadata entry: the settings a model was quantized with, as JSON.</summary>
internal static class QuantizationMetadata
{
    /// <summary>The metadata key.</summary>
    public const string Key = "edgeagent.quantization";

    /// <summary>Sets the entry, replacing an earlier one, and leaves every other entry as it was.</summary>
    public static void Write(
        Proto.ModelProto model, QuantizationOptions options, bool perChannel, int batches, int quantizedNodes, long opsetBefore, long opsetAfter)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("format", "QDQ");
            json.WriteString("weights", perChannel ? "int8 symmetric per-channel" : "int8 symmetric per-tensor");
            json.WriteString("activations", options.ActivationType == ActivationType.UInt8Asymmetric ? "uint8 asymmetric" : "int8 symmetric");
            json.WriteString("biases", "float32");
            json.WriteString("calibration", options.Calibration.ToString());
            if (options.Calibration == CalibrationMethod.Percentile)
            {
                json.WriteNumber("percentile", options.Percentile);
            }

            json.WriteNumber("calibrationBatches", batches);
            json.WriteStartArray("opTypes");
            foreach (string opType in options.OpTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                json.WriteStringValue(opType);
            }

            json.WriteEndArray();
            json.WriteNumber("quantizedNodes", quantizedNodes);
            if (opsetAfter != opsetBefore)
            {
                json.WriteNumber("opsetRaisedFrom", opsetBefore);
            }

            json.WriteEndObject();
        }

        string value = Encoding.UTF8.GetString(buffer.ToArray());
        Proto.StringStringEntryProto? existing = model.MetadataProps.FirstOrDefault(p => p.Key == Key);
        if (existing is null)
        {
            model.MetadataProps.Add(new Proto.StringStringEntryProto { Key = Key, Value = value });
        }
        else
        {
            existing.Value = value;
        }
    }
}
