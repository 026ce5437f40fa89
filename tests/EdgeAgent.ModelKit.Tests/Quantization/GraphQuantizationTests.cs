using System.Globalization;
using EdgeAgent.Inference;
using EdgeAgent.ModelKit.Quantization;
using EdgeAgent.Onnx.Tensors;
using Google.Protobuf;
using Xunit.Abstractions;
using Proto = global::Onnx;

namespace EdgeAgent.ModelKit.Tests.Quantization;

public sealed class GraphQuantizationTests(ITestOutputHelper output)
{
    private static CalibrationData Normal(string input, int width, int batches = 16, int rows = 32, int seed = 1) =>
        CalibrationData.FromFloatArrays(TestData.NormalBatches(seed, input, batches, rows, width));

    private static float[] Run(Proto.ModelProto model, string input, float[] x, long[] shape, string outputName)
    {
        using var engine = InferenceEngine.Load(model.ToByteArray(), source: model.Graph.Name);
        return engine.Run(InferenceInput.Create(input, x, shape))[outputName].As<float>();
    }

    private static (double MaxAbs, double Rms, double Std) CompareRuns(Proto.ModelProto floatModel, QuantizationResult result, string input, long[] shape, string outputName)
    {
        float[] x = TestData.Normal(new Random(99), (int)shape.Aggregate(1L, (a, b) => a * b));
        return TestData.Compare(Run(floatModel, input, x, shape, outputName), Run(result.Model, input, x, shape, outputName));
    }

    private static Proto.NodeProto Producer(Proto.GraphProto graph, string tensor) => graph.Node.Single(n => n.Output.Contains(tensor));

    [Fact]
    public void Quantize_ModelWithConvAndMatMul_QuantizesBothAndOutputStaysClose()
    {
        Proto.ModelProto model = QuantizationTestModels.ConvMatMul();
        var calibration = CalibrationData.FromInputs(Enumerable.Range(0, 16).Select(b =>
            (IReadOnlyList<InferenceInput>)[InferenceInput.Create("image", TestData.Normal(new Random(b), 8 * 36), 8, 1, 6, 6)]));

        QuantizationResult result = StaticQuantizer.Quantize(model, calibration);
        (double maxAbs, double rms, double std) = CompareRuns(model, result, "image", [64, 1, 6, 6], "features");

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"max abs {maxAbs:G4} ({maxAbs / std:P2} of std), RMS {rms:G4} ({rms / std:P2} of std); file float {model.CalculateSize()} B, int8 {result.ToBytes().Length} B"));
        Assert.True(rms / std < 0.02, $"RMS error is {rms / std:P2} of the output's std");
        Assert.True(maxAbs / std < 0.1, $"max error is {maxAbs / std:P2} of the output's std");

        Proto.GraphProto graph = result.Model.Graph;
        Assert.Equal(["conv.weight", "fc.weight"], result.Weights.Select(w => w.InitializerName));
        Assert.Equal([0, 1], result.Weights.Select(w => w.Axis));
        Assert.Equal([4, QuantizationTestModels.Features], result.Weights.Select(w => w.Scales.Count));
        Assert.Equal(["image", "flat"], result.Activations.Select(a => a.TensorName));
        Assert.Equal("DequantizeLinear", Producer(graph, graph.Node.Single(n => n.OpType == "Conv").Input[0]).OpType);
        Assert.Equal("DequantizeLinear", Producer(graph, graph.Node.Single(n => n.OpType == "MatMul").Input[1]).OpType);
        Assert.Equal("conv.bias", graph.Node.Single(n => n.OpType == "Conv").Input[2]);
        Assert.True(result.ToBytes().Length < model.CalculateSize(), "the int8 model is not smaller");
        AssertTopologicallySortedWithUniqueNames(graph);
    }

    [Fact]
    public void Quantize_GemmWithTransBZero_ChannelAxisOne()
    {
        Proto.ModelProto model = QuantizationTestModels.GemmNotTransposed();

        QuantizationResult result = StaticQuantizer.Quantize(model, Normal("x", 5));

        WeightQuantization weight = Assert.Single(result.Weights);
        Assert.Equal(1, weight.Axis);
        Assert.Equal(3, weight.Scales.Count);
        Assert.True(weight.Scales[2] > 50 * weight.Scales[0]); // the third column is 100× larger
        (double _, double rms, double std) = CompareRuns(model, result, "x", [64, 5], "y");
        Assert.True(rms / std < 0.02, $"RMS error is {rms / std:P2} of the output's std");
    }

    [Fact]
    public void Quantize_OpsetElevenWithSafeOps_RaisesOpsetToThirteenForPerChannel()
    {
        Proto.ModelProto model = QuantizationTestModels.MatMulRelu(opset: 11);

        QuantizationResult result = StaticQuantizer.Quantize(model, Normal("x", 8));

        Assert.Equal(13, result.Model.OpsetImport.Single().Version);
        Assert.True(result.PerChannel);
        Assert.Contains("raised from 11 to 13", Assert.Single(result.Notes), StringComparison.Ordinal);
        Assert.Contains("\"opsetRaisedFrom\":11", result.Model.MetadataProps.Single().Value, StringComparison.Ordinal);
        (double _, double rms, double std) = CompareRuns(model, result, "x", [64, 8], "y");
        Assert.True(rms / std < 0.02, $"RMS error is {rms / std:P2} of the output's std");
    }

    [Fact]
    public void Quantize_OpsetElevenWithSoftmax_FallsBackToPerTensorAndSaysSo()
    {
        Proto.ModelProto model = QuantizationTestModels.MatMulRelu(opset: 11, softmax: true);

        QuantizationResult result = StaticQuantizer.Quantize(model, Normal("x", 8));

        Assert.Equal(11, result.Model.OpsetImport.Single().Version);
        Assert.False(result.PerChannel);
        string note = Assert.Single(result.Notes);
        Assert.Contains("per tensor", note, StringComparison.Ordinal);
        Assert.Contains("Softmax", note, StringComparison.Ordinal);
        Assert.Null(Assert.Single(result.Weights).Axis);
        Assert.DoesNotContain(result.Model.Graph.Node.SelectMany(n => n.Attribute), a => a.Name == "axis");
        (double _, double rms, double std) = CompareRuns(model, result, "x", [64, 8], "y");
        Assert.True(rms / std < 0.05, $"RMS error is {rms / std:P2} of the output's std");
    }

    [Fact]
    public void Quantize_PerChannelOff_OneScalePerWeight()
    {
        QuantizationResult result = StaticQuantizer.Quantize(
            QuantizationTestModels.ConvMatMul(), Normal("image", 36, batches: 2, rows: 4), new QuantizationOptions { PerChannel = false });

        Assert.All(result.Weights, w => Assert.Single(w.Scales));
        Assert.Contains("per-tensor", result.Model.MetadataProps.Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_OnlyMatMulRequested_LeavesConvInFloat()
    {
        QuantizationResult result = StaticQuantizer.Quantize(
            QuantizationTestModels.ConvMatMul(), Normal("image", 36, batches: 2, rows: 4), new QuantizationOptions { OpTypes = ["MatMul"] });

        Assert.Equal("fc.weight", Assert.Single(result.Weights).InitializerName);
        Assert.Contains(result.Model.Graph.Initializer, t => t.Name == "conv.weight");
        Assert.Equal("image", result.Model.Graph.Node.Single(n => n.OpType == "Conv").Input[0]);
    }

    [Fact]
    public void Quantize_SharedWeightAndGraphOutputActivation_RewiresOnlyQuantizedReaders()
    {
        Proto.ModelProto model = QuantizationTestModels.SharedWeight();

        QuantizationResult result = StaticQuantizer.Quantize(model, Normal("x", 4));
        Proto.GraphProto graph = result.Model.Graph;

        // One int8 copy of w serves both MatMuls; the float w stays for the Add.
        WeightQuantization weight = Assert.Single(result.Weights);
        Assert.Equal(2, weight.Nodes.Count);
        Assert.Contains(graph.Initializer, t => t.Name == "w" && t.DataType == (int)Proto.TensorProto.Types.DataType.Float);
        Assert.Equal(["w", "w"], graph.Node.Single(n => n.OpType == "Add").Input);

        // h is still the float graph output, and the second MatMul reads it through Q/DQ.
        Assert.Equal("MatMul", Producer(graph, "h").OpType);
        Assert.Equal("DequantizeLinear", Producer(graph, graph.Node.Single(n => n.OpType == "MatMul" && n.Output[0] == "y").Input[0]).OpType);

        // The existing tensor x_scale keeps its name; x's scale gets another.
        Assert.Equal("Identity", Producer(graph, "x_scale").OpType);
        Assert.Contains(graph.Initializer, t => t.Name == "x_scale_1");

        SkippedNode skipped = Assert.Single(result.SkippedNodes);
        Assert.Equal("MatMul", skipped.OpType);
        Assert.Contains("'xt' is not a constant initializer", skipped.Reason, StringComparison.Ordinal);
        AssertTopologicallySortedWithUniqueNames(graph);

        float[] x = TestData.Normal(new Random(3), 8 * 4);
        using var engine = InferenceEngine.Load(result.ToBytes());
        InferenceResult run = engine.Run(InferenceInput.Create("x", x, 8, 4));
        Assert.Equal(Run(model, "x", x, [8, 4], "w_plus"), run["w_plus"].As<float>());
    }

    [Fact]
    public void Quantize_Int8Activations_StoresInt8ZeroPoints()
    {
        QuantizationResult result = StaticQuantizer.Quantize(
            QuantizationTestModels.MatMulRelu(opset: 13), Normal("x", 8), new QuantizationOptions { ActivationType = ActivationType.Int8Symmetric });

        Proto.TensorProto zeroPoint = result.Model.Graph.Initializer.Single(t => t.Name == "x_zero_point");
        Assert.Equal((int)Proto.TensorProto.Types.DataType.Int8, zeroPoint.DataType);
        Assert.Equal([(sbyte)0], (sbyte[])TensorProtoConvert.ToArray(zeroPoint));
    }

    [Fact]
    public void Quantize_ModelWithMetadataAndTwoDynamicDims_KeepsMetadataAndReplacesOwnEntry()
    {
        Proto.ModelProto model = QuantizationTestModels.Sequence();
        var calibration = CalibrationData.FromInputs([[InferenceInput.Create("x", TestData.Normal(new Random(1), 2 * 5 * 4), 2, 5, 4)]]);

        QuantizationResult result = StaticQuantizer.Quantize(model, calibration, new QuantizationOptions { Calibration = CalibrationMethod.Percentile, Percentile = 99.5 });

        Assert.Equal(["author", "edgeagent.quantization"], result.Model.MetadataProps.Select(p => p.Key));
        Assert.Equal("tests", result.Model.MetadataProps[0].Value);
        Assert.Equal(
            "{\"format\":\"QDQ\",\"weights\":\"int8 symmetric per-channel\",\"activations\":\"uint8 asymmetric\",\"biases\":\"float32\","
            + "\"calibration\":\"Percentile\",\"percentile\":99.5,\"calibrationBatches\":1,\"opTypes\":[\"Conv\",\"Gemm\",\"MatMul\"],\"quantizedNodes\":1}",
            result.Model.MetadataProps[1].Value);
        Assert.Equal(40, Assert.Single(result.Activations).ValueCount);
    }

    private static void AssertTopologicallySortedWithUniqueNames(Proto.GraphProto graph)
    {
        var available = new HashSet<string>(graph.Input.Select(i => i.Name).Concat(graph.Initializer.Select(t => t.Name)), StringComparer.Ordinal);
        Assert.Equal(graph.Initializer.Count, graph.Initializer.Select(t => t.Name).Distinct().Count());
        Assert.Equal(graph.Node.Count, graph.Node.Select(n => n.Name).Distinct().Count());
        foreach (Proto.NodeProto node in graph.Node)
        {
            Assert.All(node.Input.Where(i => i.Length > 0), i => Assert.Contains(i, available));
            foreach (string produced in node.Output)
            {
                Assert.True(available.Add(produced), $"'{produced}' is produced twice");
            }
        }
    }
}
