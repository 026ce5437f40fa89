namespace EdgeAgent.Onnx.Tensors;

/// <summary>Maps CLR element types to ONNX <c>TensorProto.DataType</c> codes and back.</summary>
public static class OnnxDataType
{
    /// <summary>The ONNX data type code of a CLR element type.</summary>
    /// <exception cref="NotSupportedException">The type has no ONNX tensor counterpart here.</exception>
    public static int Of(Type elementType) => elementType switch
    {
        _ when elementType == typeof(float) => (int)Proto.TensorProto.Types.DataType.Float,
        _ when elementType == typeof(byte) => (int)Proto.TensorProto.Types.DataType.Uint8,
        _ when elementType == typeof(sbyte) => (int)Proto.TensorProto.Types.DataType.Int8,
        _ when elementType == typeof(ushort) => (int)Proto.TensorProto.Types.DataType.Uint16,
        _ when elementType == typeof(short) => (int)Proto.TensorProto.Types.DataType.Int16,
        _ when elementType == typeof(int) => (int)Proto.TensorProto.Types.DataType.Int32,
        _ when elementType == typeof(long) => (int)Proto.TensorProto.Types.DataType.Int64,
        _ when elementType == typeof(bool) => (int)Proto.TensorProto.Types.DataType.Bool,
        _ when elementType == typeof(double) => (int)Proto.TensorProto.Types.DataType.Double,
        _ when elementType == typeof(uint) => (int)Proto.TensorProto.Types.DataType.Uint32,
        _ when elementType == typeof(ulong) => (int)Proto.TensorProto.Types.DataType.Uint64,
        _ => throw new NotSupportedException($"Element type {elementType.Name} has no ONNX tensor data type here."),
    };

    /// <summary>The CLR element type of an ONNX data type code.</summary>
    /// <exception cref="NotSupportedException">The code is not a supported numeric or bool type.</exception>
    public static Type ToClr(int dataType) => (Proto.TensorProto.Types.DataType)dataType switch
    {
        Proto.TensorProto.Types.DataType.Float => typeof(float),
        Proto.TensorProto.Types.DataType.Uint8 => typeof(byte),
        Proto.TensorProto.Types.DataType.Int8 => typeof(sbyte),
        Proto.TensorProto.Types.DataType.Uint16 => typeof(ushort),
        Proto.TensorProto.Types.DataType.Int16 => typeof(short),
        Proto.TensorProto.Types.DataType.Int32 => typeof(int),
        Proto.TensorProto.Types.DataType.Int64 => typeof(long),
        Proto.TensorProto.Types.DataType.Bool => typeof(bool),
        Proto.TensorProto.Types.DataType.Double => typeof(double),
        Proto.TensorProto.Types.DataType.Uint32 => typeof(uint),
        Proto.TensorProto.Types.DataType.Uint64 => typeof(ulong),
        var other => throw new NotSupportedException($"ONNX data type {other} ({dataType}) is not supported here."),
    };
}
