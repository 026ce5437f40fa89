using EdgeAgent.Inference;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Proto = global::Onnx;

namespace EdgeAgent.ModelKit.Quantization;

/// <summary>
/// Runs the calibration batches through a copy of the float model in ONNX Runtime, with each
/// activation to quantize added as a graph output, and gathers the values of each.
/// </summary>
internal static class Calibrator
{
    /// <summary>A collector per tensor, in the order given, and how many batches ran.</summary>
    /// <exception cref="QuantizationException">The data does not fit the model, a tensor is not float32, or the runtime fails.</exception>
    public static (IReadOnlyList<RangeCollector> Ranges, int Batches) Collect(
        Proto.ModelProto model, IReadOnlyList<string> tensors, CalibrationData data, bool withHistogram)
    {
        IReadOnlyList<ModelInput> inputs = ModelInput.Of(model.Graph);
        var inputNames = new HashSet<string>(inputs.Select(i => i.Name), StringComparer.Ordinal);
        RangeCollector[] ranges = [.. tensors.Select(t => new RangeCollector(t, withHistogram))];
        using InferenceEngine engine = Load(CalibrationCopy(model, tensors, inputNames));
        int batches = 0;
        foreach (InferenceInput[] batch in data.Batches(inputs))
        {
            InferenceResult result = Run(engine, batch, batches);
            for (int i = 0; i < tensors.Count; i++)
            {
                Array values = inputNames.Contains(tensors[i])
                    ? batch.First(b => b.Name == tensors[i]).Data
                    : result[tensors[i]].Data;
                ranges[i].Add(values as float[] ?? throw new QuantizationException(
                    $"Tensor '{tensors[i]}' holds {TensorTypes.Name(values.GetType().GetElementType()!)} values; only float32 activations can be quantized to int8."));
            }

            batches++;
        }

        return (ranges, batches);
    }

    // The float model with every tensor to observe made a graph output (elem_type float, no shape).
    private static Proto.ModelProto CalibrationCopy(Proto.ModelProto model, IReadOnlyList<string> tensors, HashSet<string> inputNames)
    {
        Proto.ModelProto copy = model.Clone();
        var outputs = new HashSet<string>(copy.Graph.Output.Select(o => o.Name), StringComparer.Ordinal);
        foreach (string tensor in tensors)
        {
            if (!inputNames.Contains(tensor) && outputs.Add(tensor))
            {
                copy.Graph.Output.Add(new Proto.ValueInfoProto
                {
                    Name = tensor,
                    Type = new Proto.TypeProto { TensorType = new Proto.TypeProto.Types.Tensor { ElemType = TensorTypes.Float } },
                });
            }
        }

        return copy;
    }

    private static InferenceEngine Load(Proto.ModelProto copy)
    {
        try
        {
            return InferenceEngine.Load(copy.ToByteArray(), source: "the calibration copy of the float model");
        }
        catch (ModelLoadException ex)
        {
            throw new QuantizationException(
                $"ONNX Runtime could not load the float model with its activations as outputs (are the quantized ops' inputs float32?): {ex.Message}", ex);
        }
    }

    private static InferenceResult Run(InferenceEngine engine, InferenceInput[] batch, int index)
    {
        try
        {
            return engine.Run(batch);
        }
        catch (InferenceInputException ex)
        {
            throw new QuantizationException($"Calibration batch {index} does not fit the model: {ex.Message}", ex);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new QuantizationException($"Calibration batch {index} failed in ONNX Runtime: {ex.Message}", ex);
        }
    }
}
