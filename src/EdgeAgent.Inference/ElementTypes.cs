using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeAgent.Inference;

/// <summary>Maps CLR element types to ONNX Runtime element types and names them as ONNX does.</summary>
public static class ElementTypes
{
    /// <summary>The ONNX Runtime element type of a CLR type, or <see cref="TensorElementType.DataTypeMax"/> when it has none.</summary>
    public static TensorElementType Of(Type clrType) => clrType switch
    {
        _ when clrType == typeof(float) => TensorElementType.Float,
        _ when clrType == typeof(byte) => TensorElementType.UInt8,
        _ when clrType == typeof(sbyte) => TensorElementType.Int8,
        _ when clrType == typeof(ushort) => TensorElementType.UInt16,
        _ when clrType == typeof(short) => TensorElementType.Int16,
        _ when clrType == typeof(int) => TensorElementType.Int32,
        _ when clrType == typeof(long) => TensorElementType.Int64,
        _ when clrType == typeof(bool) => TensorElementType.Bool,
        _ when clrType == typeof(double) => TensorElementType.Double,
        _ when clrType == typeof(uint) => TensorElementType.UInt32,
        _ when clrType == typeof(ulong) => TensorElementType.UInt64,
        _ => TensorElementType.DataTypeMax,
    };

    /// <summary>The CLR type of a numeric or bool element type, or null.</summary>
    public static Type? ToClr(TensorElementType type) => type switch
    {
        TensorElementType.Float => typeof(float),
        TensorElementType.UInt8 => typeof(byte),
        TensorElementType.Int8 => typeof(sbyte),
        TensorElementType.UInt16 => typeof(ushort),
        TensorElementType.Int16 => typeof(short),
        TensorElementType.Int32 => typeof(int),
        TensorElementType.Int64 => typeof(long),
        TensorElementType.Bool => typeof(bool),
        TensorElementType.Double => typeof(double),
        TensorElementType.UInt32 => typeof(uint),
        TensorElementType.UInt64 => typeof(ulong),
        _ => null,
    };

    /// <summary>The ONNX spelling of an element type: float32, int8, uint8, int64...</summary>
    public static string Name(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Double => "float64",
        TensorElementType.Float16 => "float16",
        TensorElementType.BFloat16 => "bfloat16",
        TensorElementType.String => "string",
        TensorElementType.Bool => "bool",
        _ => type.ToString().ToLowerInvariant(),
    };
}
