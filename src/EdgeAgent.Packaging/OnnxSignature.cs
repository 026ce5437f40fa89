using EdgeAgent.Onnx.Tensors;
using Google.Protobuf;

namespace EdgeAgent.Packaging;

/// <summary>The inputs and outputs an ONNX model declares, read from its bytes without running it.</summary>
internal static class OnnxSignature
{
    public static (IReadOnlyList<PackageTensor> Inputs, IReadOnlyList<PackageTensor> Outputs) Read(byte[] model, string source)
    {
        global::Onnx.ModelProto proto;
        try
        {
            proto = global::Onnx.ModelProto.Parser.ParseFrom(model);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new PackageException($"{source}: the model is not a valid ONNX file ({ex.Message}).", ex);
        }

        if (proto.Graph is null || proto.Graph.Output.Count == 0)
        {
            throw new PackageException($"{source}: the model has no graph or no outputs.");
        }

        var initializers = proto.Graph.Initializer.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        return (
            [.. proto.Graph.Input.Where(i => !initializers.Contains(i.Name)).Select(Describe)],
            [.. proto.Graph.Output.Select(Describe)]);
    }

    public static string ElementTypeName(int dataType) => (global::Onnx.TensorProto.Types.DataType)dataType switch
    {
        global::Onnx.TensorProto.Types.DataType.Float => "float32",
        global::Onnx.TensorProto.Types.DataType.Double => "float64",
        global::Onnx.TensorProto.Types.DataType.Float16 => "float16",
        global::Onnx.TensorProto.Types.DataType.Bool => "bool",
        global::Onnx.TensorProto.Types.DataType.String => "string",
        var other => other.ToString().ToLowerInvariant(),
    };

    private static PackageTensor Describe(global::Onnx.ValueInfoProto value)
    {
        var tensor = value.Type?.TensorType;
        string type = tensor is null ? "non-tensor" : ElementTypeName(tensor.ElemType);
        IReadOnlyList<string> shape = tensor?.Shape is null
            ? []
            : [.. tensor.Shape.Dim.Select(d => d.HasDimValue ? d.DimValue.ToString(System.Globalization.CultureInfo.InvariantCulture) : d.HasDimParam ? d.DimParam : "?")];
        return new PackageTensor(value.Name, type, shape, "", "");
    }

    /// <summary>True when a declared dimension agrees with the model's: equal numbers, or both dynamic.</summary>
    public static bool SameDimension(string declared, string actual)
    {
        bool declaredFixed = long.TryParse(declared, out long d);
        bool actualFixed = long.TryParse(actual, out long a);
        return declaredFixed == actualFixed && (!declaredFixed || d == a);
    }

    internal static int DataTypeOf(Type t) => OnnxDataType.Of(t);
}
