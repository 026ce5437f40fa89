using System.Globalization;
using EdgeAgent.Inference;
using EdgeAgent.ModelKit.Quantization;
using EdgeAgent.TestKit;
using Google.Protobuf;
using Xunit.Abstractions;
using Proto = global::Onnx;

namespace EdgeAgent.ModelKit.Tests.Quantization;

/// <summary>
/// The shared sensor autoencoder (a real third-party model: Gemm ×4 + Relu ×2) quantized end to end.
/// Its training data is unknown, so calibration and held-out inputs are both synthetic, drawn from
/// N(0, 1) per feature with different seeds: a stand-in for standardized sensor readings.
/// </summary>
public sealed class AutoencoderQuantizationTests(ITestOutputHelper output)
{
    private const string Input = "sensor_input";
    private const string Output = "reconstruction";
    private const int Features = 10;

    private static readonly Lazy<byte[]> FloatBytes = new(() => File.ReadAllBytes(SharedAssets.AutoencoderModel));

    // 4,096 calibration rows: with fewer (512), held-out tails overflow the calibrated range of the
    // 3-wide bottleneck and the few saturated rows dominate the max error (0.16 rather than 0.03).
    private static CalibrationData Calibration() =>
        CalibrationData.FromFloatArrays(TestData.NormalBatches(seed: 1, Input, batches: 64, rows: 64, width: Features));

    private static float[] HeldOut() => TestData.Normal(new Random(2), 1024 * Features);

    private static float[] Run(byte[] model, float[] x)
    {
        using var engine = InferenceEngine.Load(model, source: "autoencoder");
        return engine.Run(InferenceInput.Create(Input, x, x.Length / Features, Features))[Output].As<float>();
    }

    // Bounds, relative to the std of the float output (≈0.28): per-channel int8 weights lose ≤ 0.4 % of each
    // channel's largest weight and 8-bit activations ≤ 0.2 % of their range per layer, so four layers should
    // stay near 1–2 % RMS; a wrong scale, zero point or axis gives tens of percent. Percentile calibration
    // trades a lower RMS for a larger max: the held-out rows beyond the clipped range saturate.
    [Theory]
    [InlineData(ActivationType.UInt8Asymmetric, CalibrationMethod.MinMax, 0.025, 0.15)]
    [InlineData(ActivationType.UInt8Asymmetric, CalibrationMethod.Percentile, 0.025, 0.3)]
    [InlineData(ActivationType.Int8Symmetric, CalibrationMethod.MinMax, 0.035, 0.2)]
    public void Quantize_SharedAutoencoder_OutputCloseToFloatModel(ActivationType activationType, CalibrationMethod calibration, double rmsBound, double maxBound)
    {
        var options = new QuantizationOptions { ActivationType = activationType, Calibration = calibration, Percentile = 99.99 };
        byte[] quantized = StaticQuantizer.Quantize(FloatBytes.Value, Calibration(), options).ToBytes();
        float[] x = HeldOut();

        (double maxAbs, double rms, double std) = TestData.Compare(Run(FloatBytes.Value, x), Run(quantized, x));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{activationType}/{calibration}: max abs {maxAbs:G4} ({maxAbs / std:P2} of std), RMS {rms:G4} ({rms / std:P2} of std), output std {std:G4}; file float {FloatBytes.Value.Length} B, int8 {quantized.Length} B"));
        Assert.True(rms / std < rmsBound, $"RMS error {rms} is {rms / std:P2} of the output's std {std}");
        Assert.True(maxAbs / std < maxBound, $"Max abs error {maxAbs} is {maxAbs / std:P2} of the output's std {std}");
    }

    [Fact]
    public void Quantize_SharedAutoencoder_HasInt8WeightsAndQdqNodes()
    {
        QuantizationResult result = StaticQuantizer.Quantize(FloatBytes.Value, Calibration());
        Proto.GraphProto graph = result.Model.Graph;
        Proto.GraphProto original = Proto.ModelProto.Parser.ParseFrom(FloatBytes.Value).Graph;

        Assert.Equal(4, graph.Node.Count(n => n.OpType == "Gemm"));
        Assert.All(graph.Node.Where(n => n.OpType == "Gemm"), gemm =>
        {
            Assert.EndsWith("_dequantized", gemm.Input[0], StringComparison.Ordinal);
            Assert.EndsWith("_dequantized", gemm.Input[1], StringComparison.Ordinal);
            Assert.DoesNotContain("_quantized", gemm.Input[2], StringComparison.Ordinal); // biases stay float
        });
        Assert.Equal(4, graph.Node.Count(n => n.OpType == "QuantizeLinear"));
        Assert.Equal(8, graph.Node.Count(n => n.OpType == "DequantizeLinear"));
        Assert.All(graph.Node.Where(n => n.OpType == "DequantizeLinear" && n.Input[0].Contains("weight", StringComparison.Ordinal)),
            dq => Assert.Equal(0, Assert.Single(dq.Attribute, a => a.Name == "axis").I));

        Proto.TensorProto[] int8 = [.. graph.Initializer.Where(t => t.DataType == (int)Proto.TensorProto.Types.DataType.Int8 && t.Dims.Count == 2)];
        Assert.Equal(4, int8.Length);
        Assert.DoesNotContain(graph.Initializer, t => t.Name.EndsWith(".weight", StringComparison.Ordinal)); // float weights gone
        Assert.Equal(4, graph.Initializer.Count(t => t.Name.EndsWith(".bias", StringComparison.Ordinal)));

        // The file grows (10,658 → ~12,000 B: 181 weights save 543 B, the 12 new nodes cost more), but the tensor data shrinks.
        long floatData = original.Initializer.Sum(t => (long)t.RawData.Length);
        long quantizedData = graph.Initializer.Sum(t => (long)t.RawData.Length);
        long floatWeights = original.Initializer.Where(t => t.Dims.Count == 2).Sum(t => (long)t.RawData.Length);
        Assert.Equal(floatWeights / 4, int8.Sum(t => (long)t.RawData.Length));
        Assert.True(quantizedData < floatData, $"tensor data {quantizedData} B is not smaller than the float model's {floatData} B");
        output.WriteLine($"tensor data float {floatData} B, int8 model {quantizedData} B; file float {FloatBytes.Value.Length} B, int8 {result.ToBytes().Length} B");
    }

    [Fact]
    public void Quantize_SharedAutoencoder_KeepsIrVersionOpsetAndInterface()
    {
        Proto.ModelProto original = Proto.ModelProto.Parser.ParseFrom(FloatBytes.Value);
        QuantizationResult result = StaticQuantizer.Quantize(original, Calibration());

        Assert.Equal(original.IrVersion, result.Model.IrVersion);
        Assert.Equal(original.OpsetImport, result.Model.OpsetImport);
        Assert.Equal(original.Graph.Input, result.Model.Graph.Input);
        Assert.Equal(original.Graph.Output, result.Model.Graph.Output);
        Assert.Equal(original.ToByteArray(), Proto.ModelProto.Parser.ParseFrom(FloatBytes.Value).ToByteArray()); // input left alone
        Assert.True(result.PerChannel);
        Assert.Empty(result.SkippedNodes);
        Assert.Empty(result.Notes);
        Assert.Equal(64, result.CalibrationBatches);
        Assert.Equal(["sensor_input", "relu", "linear_1", "relu_1"], result.Activations.Select(a => a.TensorName));
        Assert.All(result.Activations.Where(a => a.TensorName.StartsWith("relu", StringComparison.Ordinal)), a => Assert.Equal(0, a.ZeroPoint));
        string metadata = Assert.Single(result.Model.MetadataProps, p => p.Key == "edgeagent.quantization").Value;
        Assert.Contains("\"weights\":\"int8 symmetric per-channel\"", metadata, StringComparison.Ordinal);
        Assert.Contains("\"activations\":\"uint8 asymmetric\"", metadata, StringComparison.Ordinal);
        Assert.Contains("\"calibration\":\"MinMax\"", metadata, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_SameModelDataAndOptionsTwice_ByteIdentical()
    {
        var options = new QuantizationOptions { Calibration = CalibrationMethod.Percentile, Percentile = 99.9 };

        byte[] first = StaticQuantizer.Quantize(FloatBytes.Value, Calibration(), options).ToBytes();
        byte[] second = StaticQuantizer.Quantize(FloatBytes.Value, Calibration(), new QuantizationOptions { Calibration = CalibrationMethod.Percentile, Percentile = 99.9 }).ToBytes();

        Assert.Equal(first, second);
    }

    [Fact]
    public void QuantizeFile_SharedAutoencoder_WritesLoadableModel()
    {
        string folder = Directory.CreateTempSubdirectory("edgeagent-quantize-").FullName;
        try
        {
            string target = Path.Combine(folder, "autoencoder.int8.onnx");

            QuantizationResult result = StaticQuantizer.QuantizeFile(SharedAssets.AutoencoderModel, target, Calibration());

            Assert.Equal(result.ToBytes(), File.ReadAllBytes(target));
            using var engine = InferenceEngine.Load(target);
            Assert.Equal("sensor_input", Assert.Single(engine.Model.Inputs).Name);
            Assert.Contains("edgeagent.quantization", engine.Model.CustomMetadata.Keys);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
