using EdgeAgent.Onnx.Building;

namespace EdgeAgent.Inference.Tests;

/// <summary>Small models written with the project's ONNX builder for the tests.</summary>
internal static class QdqModels
{
    public const float InputScale = 0.02f;
    public const byte InputZeroPoint = 128;

    // Per-output-channel symmetric int8 weights [4 in, 3 out], scales per channel.
    public static readonly sbyte[] Weights = [12, -7, 100, -128, 5, 33, 64, 0, -90, 1, 127, -3];
    public static readonly float[] WeightScales = [0.01f, 0.005f, 0.02f];

    /// <summary>
    /// QDQ form: x(float) → QuantizeLinear(uint8) → DequantizeLinear → MatMul with DequantizeLinear(int8 weights, per channel) → y.
    /// </summary>
    public static byte[] QdqMatMul() => new OnnxGraphBuilder("qdq_matmul", opset: 13)
        .Input("x", typeof(float), "batch", 4)
        .Output("y", typeof(float), "batch", 3)
        .Initializer("x_scale", [InputScale])
        .Initializer("x_zero", [InputZeroPoint])
        .Initializer("w_q", Weights, 4, 3)
        .Initializer("w_scale", WeightScales, 3)
        .Initializer("w_zero", new sbyte[3], 3)
        .Node("QuantizeLinear", ["x", "x_scale", "x_zero"], ["x_q"])
        .Node("DequantizeLinear", ["x_q", "x_scale", "x_zero"], ["x_dq"])
        .Node("DequantizeLinear", ["w_q", "w_scale", "w_zero"], ["w_dq"], new Dictionary<string, object> { ["axis"] = 1L })
        .Node("MatMul", ["x_dq", "w_dq"], ["y"])
        .ToBytes();

    /// <summary>Two inputs that share the symbolic dimension "batch".</summary>
    public static byte[] SharedBatchAdd() => new OnnxGraphBuilder("shared_batch")
        .Input("a", typeof(float), "batch", 3)
        .Input("b", typeof(float), "batch", 3)
        .Output("sum", typeof(float), "batch", 3)
        .Node("Add", ["a", "b"], ["sum"])
        .ToBytes();
}
