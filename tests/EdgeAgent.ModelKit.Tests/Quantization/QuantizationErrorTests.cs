using EdgeAgent.Inference;
using EdgeAgent.ModelKit.Quantization;
using EdgeAgent.TestKit;
using Proto = global::Onnx;

namespace EdgeAgent.ModelKit.Tests.Quantization;

public sealed class QuantizationErrorTests
{
    private static readonly Lazy<Proto.ModelProto> Autoencoder = new(() => Proto.ModelProto.Parser.ParseFrom(File.ReadAllBytes(SharedAssets.AutoencoderModel)));

    private static CalibrationData Floats(params (string Name, float[] Data)[] inputs) =>
        CalibrationData.FromFloatArrays([inputs.ToDictionary(i => i.Name, i => i.Data)]);

    private static QuantizationException Fails(Proto.ModelProto model, CalibrationData calibration) =>
        Assert.Throws<QuantizationException>(() => StaticQuantizer.Quantize(model, calibration));

    [Fact]
    public void Quantize_AlreadyQuantizedModel_ThrowsNamingQuantizeNode()
    {
        var ex = Fails(QuantizationTestModels.AlreadyQuantized(), Floats(("x", new float[4])));

        Assert.Contains("already quantized", ex.Message, StringComparison.Ordinal);
        Assert.Contains("QuantizeLinear", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_QuantizedOutputFedBackIn_ThrowsAlreadyQuantized()
    {
        QuantizationResult first = StaticQuantizer.Quantize(QuantizationTestModels.MatMulRelu(13), Floats(("x", new float[16])));

        var ex = Fails(first.Model, Floats(("x", new float[16])));

        Assert.Contains("already quantized", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_Float64MatMul_ThrowsNamingNodeAndType()
    {
        var ex = Fails(QuantizationTestModels.DoubleMatMul(), CalibrationData.FromInputs([[InferenceInput.Create("x", new double[2], 1, 2)]]));

        Assert.Contains("'MatMul_0'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("float64", ex.Message, StringComparison.Ordinal);
        Assert.Contains("float32", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_NoCalibrationBatches_Throws()
    {
        var ex = Fails(Autoencoder.Value, CalibrationData.FromFloatArrays([]));

        Assert.Contains("no batches", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_CalibrationInputWithWrongName_ThrowsNamingGivenAndExpected()
    {
        var ex = Fails(Autoencoder.Value, Floats(("sensor", new float[10])));

        Assert.Contains("no input 'sensor'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'sensor_input' (float32 [batch_size, 10])", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_CalibrationInputMissing_ThrowsNamingInput()
    {
        var ex = Fails(Autoencoder.Value, CalibrationData.FromInputs([[]]));

        Assert.Contains("input 'sensor_input' (float32 [batch_size, 10]) is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_CalibrationArrayNotMultipleOfRow_ThrowsExpectedAndGiven()
    {
        var ex = Fails(Autoencoder.Value, Floats(("sensor_input", new float[25])));

        Assert.Contains("'sensor_input' expects float32 [batch_size, 10] (a multiple of 10 values) but was given 25 values", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_CalibrationTensorWithWrongShape_ThrowsExpectedAndGiven()
    {
        var ex = Fails(Autoencoder.Value, CalibrationData.FromInputs([[InferenceInput.Create("sensor_input", new float[28], 4, 7)]]));

        Assert.Contains("'sensor_input' expects shape [batch_size, 10] but was given [4, 7]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_CalibrationTensorWithWrongElementType_ThrowsExpectedAndGiven()
    {
        var ex = Fails(Autoencoder.Value, CalibrationData.FromInputs([[InferenceInput.Create("sensor_input", new double[10], 1, 10)]]));

        Assert.Contains("'sensor_input' expects element type float32 but was given float64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_LaterBatchWrong_ThrowsNamingBatch()
    {
        var batches = new List<IReadOnlyDictionary<string, float[]>>
        {
            new Dictionary<string, float[]> { ["sensor_input"] = new float[10] },
            new Dictionary<string, float[]> { ["sensor_input"] = new float[9] },
        };

        var ex = Fails(Autoencoder.Value, CalibrationData.FromFloatArrays(batches));

        Assert.StartsWith("Calibration batch 1:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_FloatArraysForInputWithTwoDynamicDims_ThrowsAskingForShapes()
    {
        var ex = Fails(QuantizationTestModels.Sequence(), Floats(("x", new float[40])));

        Assert.Contains("'x' expects float32 [batch, steps, 4], which has more than one dynamic dimension", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CalibrationData.FromInputs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_OpsetNineWithSoftmax_ThrowsAskingForNewerOpset()
    {
        var ex = Fails(QuantizationTestModels.MatMulRelu(opset: 9, softmax: true), Floats(("x", new float[8])));

        Assert.Contains("opset 9", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Softmax", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_BytesThatAreNotAModel_Throws()
    {
        Assert.Throws<QuantizationException>(() => StaticQuantizer.Quantize([0xFF, 0xFF, 0xFF, 0x01], Floats(("x", new float[1]))));
    }

    [Theory]
    [InlineData(20.0, "Percentile")]
    [InlineData(100.5, "Percentile")]
    [InlineData(double.NaN, "Percentile")]
    public void Quantize_PercentileOutOfRange_ThrowsArgumentException(double percentile, string parameter)
    {
        var options = new QuantizationOptions { Calibration = CalibrationMethod.Percentile, Percentile = percentile };

        var ex = Assert.Throws<ArgumentException>(() => StaticQuantizer.Quantize(Autoencoder.Value, Floats(("sensor_input", new float[10])), options));

        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void Quantize_UnsupportedOpType_ThrowsArgumentException()
    {
        var options = new QuantizationOptions { OpTypes = ["Gemm", "Add"] };

        var ex = Assert.Throws<ArgumentException>(() => StaticQuantizer.Quantize(Autoencoder.Value, Floats(("sensor_input", new float[10])), options));

        Assert.Contains("'Add'", ex.Message, StringComparison.Ordinal);
    }
}
