using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeAgent.Inference;

/// <summary>Creates ONNX Runtime values over CLR arrays and copies them back out, for any supported element type.</summary>
internal static class TensorValues
{
    public static OrtValue Wrap(Array data, Type elementType, long[] shape) => elementType switch
    {
        _ when elementType == typeof(float) => OrtValue.CreateTensorValueFromMemory((float[])data, shape),
        _ when elementType == typeof(byte) => OrtValue.CreateTensorValueFromMemory((byte[])data, shape),
        _ when elementType == typeof(sbyte) => OrtValue.CreateTensorValueFromMemory((sbyte[])data, shape),
        _ when elementType == typeof(ushort) => OrtValue.CreateTensorValueFromMemory((ushort[])data, shape),
        _ when elementType == typeof(short) => OrtValue.CreateTensorValueFromMemory((short[])data, shape),
        _ when elementType == typeof(int) => OrtValue.CreateTensorValueFromMemory((int[])data, shape),
        _ when elementType == typeof(long) => OrtValue.CreateTensorValueFromMemory((long[])data, shape),
        _ when elementType == typeof(bool) => OrtValue.CreateTensorValueFromMemory((bool[])data, shape),
        _ when elementType == typeof(double) => OrtValue.CreateTensorValueFromMemory((double[])data, shape),
        _ when elementType == typeof(uint) => OrtValue.CreateTensorValueFromMemory((uint[])data, shape),
        _ when elementType == typeof(ulong) => OrtValue.CreateTensorValueFromMemory((ulong[])data, shape),
        _ => throw new NotSupportedException($"Element type {elementType.Name} is not supported."),
    };

    public static InferenceOutput CopyOut(string name, OrtValue value)
    {
        OrtTensorTypeAndShapeInfo info = value.GetTensorTypeAndShape();
        Array data = info.ElementDataType switch
        {
            TensorElementType.Float => value.GetTensorDataAsSpan<float>().ToArray(),
            TensorElementType.UInt8 => value.GetTensorDataAsSpan<byte>().ToArray(),
            TensorElementType.Int8 => value.GetTensorDataAsSpan<sbyte>().ToArray(),
            TensorElementType.UInt16 => value.GetTensorDataAsSpan<ushort>().ToArray(),
            TensorElementType.Int16 => value.GetTensorDataAsSpan<short>().ToArray(),
            TensorElementType.Int32 => value.GetTensorDataAsSpan<int>().ToArray(),
            TensorElementType.Int64 => value.GetTensorDataAsSpan<long>().ToArray(),
            TensorElementType.Bool => value.GetTensorDataAsSpan<bool>().ToArray(),
            TensorElementType.Double => value.GetTensorDataAsSpan<double>().ToArray(),
            TensorElementType.UInt32 => value.GetTensorDataAsSpan<uint>().ToArray(),
            TensorElementType.UInt64 => value.GetTensorDataAsSpan<ulong>().ToArray(),
            var other => throw new NotSupportedException($"Output '{name}' has element type {ElementTypes.Name(other)}, which is not supported."),
        };
        return new InferenceOutput(name, data, info.Shape);
    }
}
