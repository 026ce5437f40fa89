using EdgeAgent.TestKit;

namespace EdgeAgent.Arm64.Tests;

/// <summary>The arm64 ONNX Runtime reproduces ONNX's reference outputs for quantized operators exactly.</summary>
public sealed class QemuConformanceTests(OrtHarness harness) : IClassFixture<OrtHarness>
{
    [QemuArm64Theory]
    [InlineData("onnx-v1.14.0/test_qlinearmatmul_2D")]
    [InlineData("onnx-v1.14.0/test_qlinearmatmul_3D")]
    [InlineData("onnx-v1.14.0/test_qlinearconv")]
    [InlineData("onnx-v1.14.0/test_matmulinteger")]
    [InlineData("onnx-v1.14.0/test_convinteger_with_padding")]
    [InlineData("onnx-v1.14.0/test_convinteger_without_padding")]
    [InlineData("onnx-v1.14.0/test_quantizelinear")]
    [InlineData("onnx-v1.14.0/test_quantizelinear_axis")]
    [InlineData("onnx-v1.14.0/test_dequantizelinear")]
    [InlineData("onnx-v1.14.0/test_dequantizelinear_axis")]
    [InlineData("onnx-v1.14.0/test_dynamicquantizelinear")]
    [InlineData("onnx-v1.14.0/test_dynamicquantizelinear_max_adjusted")]
    [InlineData("onnx-v1.14.0/test_dynamicquantizelinear_min_adjusted")]
    [InlineData("onnx-main-6be0677/test_qlinearmatmul_2D_int8_float32")]
    [InlineData("onnx-main-6be0677/test_qlinearmatmul_3D_int8_float32")]
    public async Task OrtRunUnderQemu_QuantizedConformanceCase_MatchesExpectedOutputExactly(string caseName)
    {
        ConformanceCase conformance = ConformanceCase.Load(caseName);

        IReadOnlyList<HarnessOutput> actual = await harness.RunAsync(conformance.ModelPath, conformance.Inputs);

        Assert.Equal(conformance.Outputs.Select(o => o.Name), actual.Select(o => o.Name));
        foreach ((ConformanceTensor expected, HarnessOutput output) in conformance.Outputs.Zip(actual))
        {
            Assert.Equal(OrtHarness.ElementType(expected.Data), output.ElementType);
            Assert.Equal(expected.Shape, output.Shape);
            Assert.Equal(OrtHarness.RawBytes(expected.Data), output.Data);
        }
    }
}
