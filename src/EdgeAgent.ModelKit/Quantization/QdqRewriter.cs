using EdgeAgent.Onnx.Tensors;
using Google.Protobuf.Collections;
using Proto = global::Onnx;

namespace EdgeAgent.ModelKit.Quantization;

/// <summary>
/// Rewrites a float graph into QDQ form: each weight becomes an int8 initializer read through a
/// DequantizeLinear, and each quantized op's activation input passes through QuantizeLinear then
/// DequantizeLinear. Weight DequantizeLinear nodes go first; an activation's pair goes right after the
/// node that produces it (first, for graph inputs), so a topologically sorted graph stays sorted.
/// </summary>
internal sealed class QdqRewriter
{
    private readonly Proto.GraphProto _graph;
    private readonly NameScope _names;
    private readonly List<Proto.NodeProto> _weightNodes = [];
    private readonly List<Proto.TensorProto> _newInitializers = [];
    private readonly HashSet<string> _quantizedWeights = new(StringComparer.Ordinal);

    // Keyed by reference: protobuf messages compare by value, and two nodes may be alike.
    private readonly Dictionary<Proto.NodeProto, List<Proto.NodeProto>> _pairsAfter = new(ReferenceEqualityComparer.Instance);
    private readonly List<Proto.NodeProto> _pairsFirst = [];

    public QdqRewriter(Proto.GraphProto graph)
    {
        _graph = graph;
        _names = new NameScope(graph);
    }

    /// <summary>Points each target's weight input at a dequantized int8 copy, sharing one copy among nodes with the same weight and axis.</summary>
    public List<WeightQuantization> QuantizeWeights(IReadOnlyList<QuantizationTarget> targets)
    {
        var report = new List<WeightQuantization>();
        var done = new Dictionary<(string, int?), (string Output, int Index)>();
        foreach (QuantizationTarget target in targets)
        {
            var key = (target.Weight.Name, target.Axis);
            if (!done.TryGetValue(key, out var entry))
            {
                entry = (AddWeight(target, report), report.Count - 1);
                done[key] = entry;
            }
            else
            {
                WeightQuantization previous = report[entry.Index];
                report[entry.Index] = previous with { Nodes = [.. previous.Nodes, GraphWalk.Label(target.Node)] };
            }

            target.Node.Input[1] = entry.Output;
        }

        return report;
    }

    /// <summary>Inserts a QuantizeLinear/DequantizeLinear pair on an activation and points the targets that read it at the pair's output.</summary>
    public void QuantizeActivation(string tensor, QuantizationParameters parameters, ActivationType type, IEnumerable<QuantizationTarget> readers)
    {
        string scale = AddInitializer(TensorProtoConvert.FromArray(_names.Take(tensor + "_scale"), [parameters.Scale]));
        string zeroPoint = AddInitializer(type == ActivationType.UInt8Asymmetric
            ? TensorProtoConvert.FromArray(_names.Take(tensor + "_zero_point"), [(byte)parameters.ZeroPoint])
            : TensorProtoConvert.FromArray(_names.Take(tensor + "_zero_point"), [(sbyte)parameters.ZeroPoint]));
        string quantized = _names.Take(tensor + "_quantized");
        string dequantized = _names.Take(tensor + "_dequantized");
        Proto.NodeProto quantize = Node("QuantizeLinear", tensor + "_QuantizeLinear", [tensor, scale, zeroPoint], quantized);
        Proto.NodeProto dequantize = Node("DequantizeLinear", tensor + "_DequantizeLinear", [quantized, scale, zeroPoint], dequantized);

        Proto.NodeProto? producer = _graph.Node.FirstOrDefault(n => n.Output.Contains(tensor));
        if (producer is null)
        {
            _pairsFirst.AddRange([quantize, dequantize]);
        }
        else
        {
            if (!_pairsAfter.TryGetValue(producer, out List<Proto.NodeProto>? after))
            {
                _pairsAfter[producer] = after = [];
            }

            after.AddRange([quantize, dequantize]);
        }

        foreach (QuantizationTarget reader in readers)
        {
            reader.Node.Input[0] = dequantized;
        }
    }

    /// <summary>Puts the new nodes and initializers in place and drops float weights nothing reads any more.</summary>
    public void Finish()
    {
        var nodes = new List<Proto.NodeProto>(_graph.Node.Count + _weightNodes.Count + _pairsFirst.Count);
        nodes.AddRange(_weightNodes);
        nodes.AddRange(_pairsFirst);
        foreach (Proto.NodeProto node in _graph.Node)
        {
            nodes.Add(node);
            if (_pairsAfter.TryGetValue(node, out List<Proto.NodeProto>? after))
            {
                nodes.AddRange(after);
            }
        }

        _graph.Node.Clear();
        _graph.Node.AddRange(nodes);

        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (Proto.GraphProto g in GraphWalk.Graphs(_graph))
        {
            read.UnionWith(g.Node.SelectMany(n => n.Input));
            read.UnionWith(g.Output.Select(o => o.Name));
        }

        // A float weight still read elsewhere (by a node left in float, a subgraph, or as an output) stays.
        var unused = new HashSet<string>(_quantizedWeights.Where(w => !read.Contains(w)), StringComparer.Ordinal);
        Remove(_graph.Initializer, t => unused.Contains(t.Name));
        Remove(_graph.ValueInfo, v => unused.Contains(v.Name));
        _graph.Initializer.AddRange(_newInitializers);
    }

    private string AddWeight(QuantizationTarget target, List<WeightQuantization> report)
    {
        Proto.TensorProto weight = target.Weight;
        long[] shape = [.. weight.Dims];
        float[] values = (float[])TensorProtoConvert.ToArray(weight);
        QuantizedWeight q = WeightQuantizer.Quantize(weight.Name, values, shape, target.Axis);

        string quantizedName = AddInitializer(TensorProtoConvert.FromArray(_names.Take(weight.Name + "_quantized"), q.Values, shape));
        _quantizedWeights.Add(weight.Name);
        long[] paramShape = target.Axis is null ? [] : [q.Scales.Length];
        string scale = AddInitializer(TensorProtoConvert.FromArray(_names.Take(weight.Name + "_scale"), q.Scales, paramShape));
        string zeroPoint = AddInitializer(TensorProtoConvert.FromArray(_names.Take(weight.Name + "_zero_point"), new sbyte[q.Scales.Length], paramShape));
        string output = _names.Take(weight.Name + "_dequantized");
        Proto.NodeProto dequantize = Node("DequantizeLinear", weight.Name + "_DequantizeLinear", [quantizedName, scale, zeroPoint], output);
        if (target.Axis is int axis)
        {
            dequantize.Attribute.Add(new Proto.AttributeProto { Name = "axis", Type = Proto.AttributeProto.Types.AttributeType.Int, I = axis });
        }

        _weightNodes.Add(dequantize);
        report.Add(new WeightQuantization(
            weight.Name, quantizedName, [GraphWalk.Label(target.Node)], target.Axis, q.Scales, q.MaxAbsWeight, q.MaxAbsError, q.RmsError));
        return output;
    }

    private string AddInitializer(Proto.TensorProto tensor)
    {
        _newInitializers.Add(tensor);
        return tensor.Name;
    }

    private Proto.NodeProto Node(string opType, string name, string[] inputs, string output)
    {
        var node = new Proto.NodeProto { OpType = opType, Name = _names.Take(name) };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    private static void Remove<T>(RepeatedField<T> list, Func<T, bool> match)
    {
        for (int i = list.Count - 1; i >= 0; i--)
        {
            if (match(list[i]))
            {
                list.RemoveAt(i);
            }
        }
    }
}
