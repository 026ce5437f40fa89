using Google.Protobuf;
using Proto = global::Onnx;

namespace EdgeAgent.ModelKit.Quantization;

/// <summary>
/// Static post-training int8 quantization of float32 ONNX models, in QDQ form: weights of Gemm, MatMul
/// and Conv become int8 initializers (symmetric, per output channel by default) read through
/// DequantizeLinear; their activation inputs pass through QuantizeLinear → DequantizeLinear with scales
/// learned by running calibration data through the float model in ONNX Runtime. Biases stay float32.
/// The same model, calibration data and options always give the same bytes.
/// </summary>
public static class StaticQuantizer
{
    /// <summary>Quantizes a model; <paramref name="floatModel"/> itself is not changed.</summary>
    /// <exception cref="QuantizationException">
    /// The model is already quantized, is not float32 at a node to quantize, has an unusable opset, or the
    /// calibration data is empty or does not fit the model's inputs.
    /// </exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static QuantizationResult Quantize(Proto.ModelProto floatModel, CalibrationData calibration, QuantizationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(floatModel);
        ArgumentNullException.ThrowIfNull(calibration);
        options ??= new QuantizationOptions();
        options.Validate();
        TargetFinder.CheckModel(floatModel);

        Proto.ModelProto model = floatModel.Clone();
        var notes = new List<string>();
        long opsetBefore = model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx")?.Version ?? 0;
        OpsetPolicy.Decision opset = OpsetPolicy.Decide(model, options.PerChannel);
        if (opset.Note is not null)
        {
            notes.Add(opset.Note);
        }

        (List<QuantizationTarget> targets, List<SkippedNode> skipped) = TargetFinder.Find(model.Graph, options.OpTypes, opset.PerChannel);
        List<string> activations = [.. targets.Select(t => t.Activation).Distinct(StringComparer.Ordinal)];
        (IReadOnlyList<RangeCollector> ranges, int batches) = Calibrator.Collect(
            floatModel, activations, calibration, options.Calibration == CalibrationMethod.Percentile);

        var rewriter = new QdqRewriter(model.Graph);
        List<WeightQuantization> weights = rewriter.QuantizeWeights(targets);
        var activationReport = new List<ActivationQuantization>(activations.Count);
        bool symmetric = options.ActivationType == ActivationType.Int8Symmetric;
        foreach (RangeCollector range in ranges)
        {
            (float low, float high) = range.Range(options.Calibration, options.Percentile, symmetric);
            QuantizationParameters parameters = QuantizationParameters.ForActivation(low, high, options.ActivationType);
            rewriter.QuantizeActivation(range.TensorName, parameters, options.ActivationType, targets.Where(t => t.Activation == range.TensorName));
            activationReport.Add(new ActivationQuantization(
                range.TensorName, options.ActivationType, range.Count, range.Min, range.Max, low, high, parameters.Scale, parameters.ZeroPoint));
        }

        rewriter.Finish();
        if (opset.Opset != opsetBefore)
        {
            OpsetPolicy.Apply(model, opset.Opset);
        }

        if (targets.Count == 0)
        {
            notes.Add($"No node was quantized: the model has no {string.Join("/", options.OpTypes)} node with a float32 constant weight.");
        }

        QuantizationMetadata.Write(model, options, opset.PerChannel, batches, targets.Count, opsetBefore, opset.Opset);
        return new QuantizationResult(model, activationReport, weights, skipped, notes, opset.PerChannel, batches);
    }

    /// <summary>Quantizes a serialized model; <see cref="QuantizationResult.ToBytes"/> gives the quantized one.</summary>
    /// <exception cref="QuantizationException">The bytes are not an ONNX model, or see <see cref="Quantize(Proto.ModelProto, CalibrationData, QuantizationOptions?)"/>.</exception>
    public static QuantizationResult Quantize(byte[] floatModel, CalibrationData calibration, QuantizationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(floatModel);
        return Quantize(Parse(floatModel, "the given bytes"), calibration, options);
    }

    /// <summary>Quantizes the model file <paramref name="floatModelPath"/> and writes the result to <paramref name="quantizedModelPath"/>.</summary>
    /// <exception cref="QuantizationException">The file is not an ONNX model, or see <see cref="Quantize(Proto.ModelProto, CalibrationData, QuantizationOptions?)"/>.</exception>
    public static QuantizationResult QuantizeFile(string floatModelPath, string quantizedModelPath, CalibrationData calibration, QuantizationOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(floatModelPath);
        ArgumentException.ThrowIfNullOrEmpty(quantizedModelPath);
        QuantizationResult result = Quantize(Parse(File.ReadAllBytes(floatModelPath), floatModelPath), calibration, options);
        File.WriteAllBytes(quantizedModelPath, result.ToBytes());
        return result;
    }

    private static Proto.ModelProto Parse(byte[] bytes, string source)
    {
        try
        {
            Proto.ModelProto model = Proto.ModelProto.Parser.ParseFrom(bytes);
            return model.Graph is null
                ? throw new QuantizationException($"{source} is not an ONNX model: it holds no graph.")
                : model;
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new QuantizationException($"{source} is not an ONNX model: {ex.Message}", ex);
        }
    }
}
