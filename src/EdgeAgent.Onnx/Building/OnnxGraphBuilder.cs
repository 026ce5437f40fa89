using EdgeAgent.Onnx.Tensors;
using Google.Protobuf;

namespace EdgeAgent.Onnx.Building;

/// <summary>Builds an ONNX model node by node: inputs, initializers, nodes, outputs and metadata.</summary>
/// <param name="graphName">The graph's name.</param>
/// <param name="opset">The ai.onnx operator set the nodes follow.</param>
public sealed class OnnxGraphBuilder(string graphName, long opset = 17)
{
    /// <summary>IR version 8: loadable by every ONNX Runtime since 1.10.</summary>
    public const long IrVersion = 8;

    private readonly Proto.GraphProto _graph = new() { Name = graphName };
    private int _nodeCount;

    /// <summary>The producer recorded in the model.</summary>
    public string ProducerName { get; set; } = "EdgeAgent";

    /// <summary>The model version recorded in the model.</summary>
    public long ModelVersion { get; set; } = 1;

    /// <summary>Custom metadata (key → value) stored in the model.</summary>
    public IDictionary<string, string> Metadata { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Declares a graph input; each dimension is a size (long or int) or a symbol (string).</summary>
    public OnnxGraphBuilder Input(string name, Type elementType, params object[] shape)
    {
        _graph.Input.Add(ValueInfo(name, elementType, shape));
        return this;
    }

    /// <summary>Declares a graph output.</summary>
    public OnnxGraphBuilder Output(string name, Type elementType, params object[] shape)
    {
        _graph.Output.Add(ValueInfo(name, elementType, shape));
        return this;
    }

    /// <summary>Adds a constant tensor (weights, scales, zero points).</summary>
    public OnnxGraphBuilder Initializer<T>(string name, T[] data, params long[] shape)
        where T : unmanaged
    {
        _graph.Initializer.Add(TensorProtoConvert.FromArray(name, data, shape));
        return this;
    }

    /// <summary>Adds a node; attribute values may be long, float, string, long[] or float[].</summary>
    public OnnxGraphBuilder Node(string opType, string[] inputs, string[] outputs, IReadOnlyDictionary<string, object>? attributes = null)
    {
        var node = new Proto.NodeProto { OpType = opType, Name = $"{opType}_{_nodeCount++}" };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        foreach (var (key, value) in attributes ?? new Dictionary<string, object>())
        {
            node.Attribute.Add(Attribute(key, value));
        }

        _graph.Node.Add(node);
        return this;
    }

    /// <summary>The model message.</summary>
    public Proto.ModelProto Build()
    {
        var model = new Proto.ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            ModelVersion = ModelVersion,
            Graph = _graph.Clone(),
        };
        model.OpsetImport.Add(new Proto.OperatorSetIdProto { Domain = "", Version = opset });
        foreach (var (key, value) in Metadata)
        {
            model.MetadataProps.Add(new Proto.StringStringEntryProto { Key = key, Value = value });
        }

        return model;
    }

    /// <summary>The serialized model: the same builder calls always give the same bytes.</summary>
    public byte[] ToBytes() => Build().ToByteArray();

    private static Proto.ValueInfoProto ValueInfo(string name, Type elementType, object[] shape)
    {
        var tensorShape = new Proto.TensorShapeProto();
        foreach (object dim in shape)
        {
            tensorShape.Dim.Add(dim switch
            {
                string symbol => new Proto.TensorShapeProto.Types.Dimension { DimParam = symbol },
                long size => new Proto.TensorShapeProto.Types.Dimension { DimValue = size },
                int size => new Proto.TensorShapeProto.Types.Dimension { DimValue = size },
                _ => throw new ArgumentException($"Dimension {dim} of '{name}' must be a size or a symbol.", nameof(shape)),
            });
        }

        return new Proto.ValueInfoProto
        {
            Name = name,
            Type = new Proto.TypeProto
            {
                TensorType = new Proto.TypeProto.Types.Tensor { ElemType = OnnxDataType.Of(elementType), Shape = tensorShape },
            },
        };
    }

    private static Proto.AttributeProto Attribute(string name, object value)
    {
        var attribute = new Proto.AttributeProto { Name = name };
        switch (value)
        {
            case long l:
                attribute.Type = Proto.AttributeProto.Types.AttributeType.Int;
                attribute.I = l;
                break;
            case int i:
                attribute.Type = Proto.AttributeProto.Types.AttributeType.Int;
                attribute.I = i;
                break;
            case float f:
                attribute.Type = Proto.AttributeProto.Types.AttributeType.Float;
                attribute.F = f;
                break;
            case string s:
                attribute.Type = Proto.AttributeProto.Types.AttributeType.String;
                attribute.S = ByteString.CopyFromUtf8(s);
                break;
            case long[] ls:
                attribute.Type = Proto.AttributeProto.Types.AttributeType.Ints;
                attribute.Ints.AddRange(ls);
                break;
            case float[] fs:
                attribute.Type = Proto.AttributeProto.Types.AttributeType.Floats;
                attribute.Floats.AddRange(fs);
                break;
            default:
                throw new ArgumentException($"Attribute '{name}' has unsupported value type {value?.GetType().Name}.", nameof(value));
        }

        return attribute;
    }
}
