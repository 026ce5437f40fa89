using System.Globalization;
using Proto = global::Onnx;

namespace EdgeAgent.ModelKit.Quantization;

/// <summary>A graph input the caller feeds: its element type and dimensions (null where dynamic).</summary>
/// <param name="Name">The input's name.</param>
/// <param name="ElemType">The ONNX element type code; 0 when the model does not say.</param>
/// <param name="Dims">Each dimension's fixed size or null; null as a whole when the model declares no shape.</param>
/// <param name="Symbols">Each dimension's symbol, or null.</param>
internal sealed record ModelInput(string Name, int ElemType, IReadOnlyList<long?>? Dims, IReadOnlyList<string?> Symbols)
{
    /// <summary>The shape as ONNX tools print it, for example <c>[batch_size, 10]</c>.</summary>
    public string ShapeText => Dims is null
        ? "[any shape]"
        : "[" + string.Join(", ", Dims.Select((d, i) => d?.ToString(CultureInfo.InvariantCulture) ?? Symbols[i] ?? "?")) + "]";

    /// <summary>Type and shape, for example <c>float32 [batch_size, 10]</c>.</summary>
    public string Description => $"{TensorTypes.Name(ElemType)} {ShapeText}";

    /// <summary>The inputs a caller must feed: the graph inputs that are not also initializers (which only give defaults).</summary>
    public static IReadOnlyList<ModelInput> Of(Proto.GraphProto graph)
    {
        var initializers = new HashSet<string>(graph.Initializer.Select(t => t.Name), StringComparer.Ordinal);
        var inputs = new List<ModelInput>();
        foreach (Proto.ValueInfoProto input in graph.Input)
        {
            if (initializers.Contains(input.Name))
            {
                continue;
            }

            Proto.TypeProto.Types.Tensor? tensor = input.Type?.TensorType;
            Proto.TensorShapeProto? shape = tensor?.Shape;
            long?[]? dims = shape?.Dim.Select(d => d.ValueCase == Proto.TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue && d.DimValue >= 0 ? d.DimValue : (long?)null).ToArray();
            string?[] symbols = shape?.Dim.Select(d => d.ValueCase == Proto.TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam && d.DimParam.Length > 0 ? d.DimParam : null).ToArray() ?? [];
            inputs.Add(new ModelInput(input.Name, tensor?.ElemType ?? 0, dims, symbols));
        }

        return inputs;
    }
}
