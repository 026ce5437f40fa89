using EdgeAgent.Onnx.Building;
using Proto = global::Onnx;

namespace EdgeAgent.ModelKit.Tests.Quantization;

/// <summary>Small float models written with the project's ONNX builder for the quantization tests.</summary>
internal static class QuantizationTestModels
{
    public const int ImageSide = 6;
    public const int Features = 32;

    private static readonly Dictionary<string, object> NoAttributes = [];

    /// <summary>
    /// image [N, 1, 6, 6] → Conv (4 filters 3×3, bias) → Relu → Flatten → MatMul [64, 32] → Add bias → features [N, 32].
    /// </summary>
    public static Proto.ModelProto ConvMatMul(long opset = 13)
    {
        var random = new Random(11);
        return new OnnxGraphBuilder("conv_matmul", opset)
            .Input("image", typeof(float), "batch", 1, ImageSide, ImageSide)
            .Output("features", typeof(float), "batch", Features)
            .Initializer("conv.weight", Scaled(TestData.Normal(random, 36), 0.4f), 4, 1, 3, 3)
            .Initializer("conv.bias", TestData.Normal(random, 4, std: 0.1), 4)
            .Initializer("fc.weight", Scaled(TestData.Normal(random, 64 * Features), 0.15f), 64, Features)
            .Initializer("fc.bias", TestData.Normal(random, Features, std: 0.1), Features)
            .Node("Conv", ["image", "conv.weight", "conv.bias"], ["conv"], new Dictionary<string, object> { ["kernel_shape"] = new long[] { 3, 3 } })
            .Node("Relu", ["conv"], ["conv_relu"])
            .Node("Flatten", ["conv_relu"], ["flat"], new Dictionary<string, object> { ["axis"] = 1L })
            .Node("MatMul", ["flat", "fc.weight"], ["fc"])
            .Node("Add", ["fc", "fc.bias"], ["features"])
            .Build();
    }

    /// <summary>x [N, 8] → MatMul [8, 6] → Relu → y [N, 6]; with <paramref name="softmax"/>, a Softmax follows.</summary>
    public static Proto.ModelProto MatMulRelu(long opset, bool softmax = false)
    {
        var builder = new OnnxGraphBuilder("matmul_relu", opset)
            .Input("x", typeof(float), "batch", 8)
            .Output("y", typeof(float), "batch", 6)
            .Initializer("w", Scaled(TestData.Normal(new Random(5), 48), 0.5f), 8, 6)
            .Node("MatMul", ["x", "w"], ["h"])
            .Node("Relu", ["h"], [softmax ? "r" : "y"]);
        if (softmax)
        {
            builder.Node("Softmax", ["r"], ["y"]);
        }

        return builder.Build();
    }

    /// <summary>x [N, 5] → Gemm with B [5, 3] (transB = 0) and bias → y [N, 3].</summary>
    public static Proto.ModelProto GemmNotTransposed()
    {
        var random = new Random(9);
        return new OnnxGraphBuilder("gemm", 13)
            .Input("x", typeof(float), "batch", 5)
            .Output("y", typeof(float), "batch", 3)
            .Initializer("B", [.. TestData.Normal(random, 15).Select((v, i) => v * (i % 3 == 2 ? 10f : 0.1f))], 5, 3)
            .Initializer("C", [0.1f, -0.2f, 0.3f], 3)
            .Node("Gemm", ["x", "B", "C"], ["y"], new Dictionary<string, object> { ["transB"] = 0L })
            .Build();
    }

    /// <summary>
    /// Two MatMuls share weight w [4, 4] and a float Add reads it too; h is both a graph output and the
    /// second MatMul's input; a tensor named x_scale exists already; a MatMul of two activations cannot be quantized.
    /// </summary>
    public static Proto.ModelProto SharedWeight()
    {
        float[] w = Scaled(TestData.Normal(new Random(4), 16), 0.5f);
        return new OnnxGraphBuilder("shared", 13)
            .Input("x", typeof(float), "batch", 4)
            .Output("h", typeof(float), "batch", 4)
            .Output("y", typeof(float), "batch", 4)
            .Output("w_plus", typeof(float), 4, 4)
            .Output("xx", typeof(float), "batch", "batch")
            .Initializer("w", w, 4, 4)
            .Node("Identity", ["x"], ["x_scale"])
            .Node("MatMul", ["x", "w"], ["h"])
            .Node("MatMul", ["h", "w"], ["y"])
            .Node("Add", ["w", "w"], ["w_plus"])
            .Node("Transpose", ["x_scale"], ["xt"], new Dictionary<string, object> { ["perm"] = new long[] { 1, 0 } })
            .Node("MatMul", ["x", "xt"], ["xx"])
            .Build();
    }

    /// <summary>x [batch, steps, 4] → MatMul [4, 3] → y, with metadata entries.</summary>
    public static Proto.ModelProto Sequence()
    {
        var builder = new OnnxGraphBuilder("sequence", 13)
            .Input("x", typeof(float), "batch", "steps", 4)
            .Output("y", typeof(float), "batch", "steps", 3)
            .Initializer("w", Scaled(TestData.Normal(new Random(6), 12), 0.5f), 4, 3)
            .Node("MatMul", ["x", "w"], ["y"]);
        builder.Metadata["author"] = "tests";
        builder.Metadata["edgeagent.quantization"] = "stale";
        return builder.Build();
    }

    /// <summary>A MatMul whose input and weight are float64.</summary>
    public static Proto.ModelProto DoubleMatMul() => new OnnxGraphBuilder("double", 13)
        .Input("x", typeof(double), "batch", 2)
        .Output("y", typeof(double), "batch", 2)
        .Initializer("w", [1.0, 2.0, 3.0, 4.0], 2, 2)
        .Node("MatMul", ["x", "w"], ["y"], NoAttributes)
        .Build();

    /// <summary>A model in QDQ form already.</summary>
    public static Proto.ModelProto AlreadyQuantized() => new OnnxGraphBuilder("qdq", 13)
        .Input("x", typeof(float), "batch", 2)
        .Output("y", typeof(float), "batch", 2)
        .Initializer("s", [0.1f])
        .Initializer("z", [(byte)128])
        .Initializer("w", [1f, 2f, 3f, 4f], 2, 2)
        .Node("QuantizeLinear", ["x", "s", "z"], ["xq"])
        .Node("DequantizeLinear", ["xq", "s", "z"], ["xd"])
        .Node("MatMul", ["xd", "w"], ["y"])
        .Build();

    private static float[] Scaled(float[] values, float factor) => [.. values.Select(v => v * factor)];
}
