using EdgeAgent.Onnx.Tensors;
using Proto = global::Onnx;

namespace EdgeAgent.ModelKit.Quantization;

/// <summary>ONNX element type codes as people write them (float32, int64...).</summary>
internal static class TensorTypes
{
    public const int Float = (int)Proto.TensorProto.Types.DataType.Float;

    public static string Name(int elemType) => (Proto.TensorProto.Types.DataType)elemType switch
    {
        Proto.TensorProto.Types.DataType.Undefined => "an undefined type",
        Proto.TensorProto.Types.DataType.Float => "float32",
        Proto.TensorProto.Types.DataType.Double => "float64",
        Proto.TensorProto.Types.DataType.Float16 => "float16",
        Proto.TensorProto.Types.DataType.Bfloat16 => "bfloat16",
        var type => type.ToString().ToLowerInvariant(),
    };

    public static string Name(Type clrType)
    {
        try
        {
            return Name(OnnxDataType.Of(clrType));
        }
        catch (NotSupportedException)
        {
            return clrType.Name;
        }
    }

    /// <summary>The element type of every tensor whose type the graph declares: inputs, outputs, value_info and initializers.</summary>
    public static Dictionary<string, int> Declared(Proto.GraphProto graph)
    {
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Proto.ValueInfoProto value in graph.Input.Concat(graph.Output).Concat(graph.ValueInfo))
        {
            if (value.Type?.TensorType is { ElemType: > 0 } tensor)
            {
                types[value.Name] = tensor.ElemType;
            }
        }

        foreach (Proto.TensorProto initializer in graph.Initializer)
        {
            types[initializer.Name] = initializer.DataType;
        }

        return types;
    }
}
