using System.Globalization;
using Proto = global::Onnx;

namespace EdgeAgent.ModelKit.Quantization;

/// <summary>Checks that a model can be quantized and picks the nodes to quantize.</summary>
internal static class TargetFinder
{
    /// <exception cref="QuantizationException">The model is already quantized or keeps tensors in external files.</exception>
    public static void CheckModel(Proto.ModelProto model)
    {
        if (model.Graph is null)
        {
            throw new QuantizationException("The model has no graph.");
        }

        foreach (Proto.NodeProto node in GraphWalk.AllNodes(model.Graph))
        {
            if (IsQuantizedOp(node.OpType))
            {
                throw new QuantizationException(
                    $"The model is already quantized: node '{GraphWalk.Label(node)}' is a {node.OpType}. Quantize the original float32 model instead.");
            }
        }

        foreach (Proto.TensorProto tensor in GraphWalk.Graphs(model.Graph).SelectMany(g => g.Initializer))
        {
            if (tensor.HasDataLocation && tensor.DataLocation == Proto.TensorProto.Types.DataLocation.External)
            {
                throw new QuantizationException($"Initializer '{tensor.Name}' keeps its data in an external file; models with external data are not supported.");
            }
        }
    }

    /// <summary>The nodes to quantize, in graph order, and the nodes of those op types left alone.</summary>
    /// <exception cref="QuantizationException">A node to quantize reads a tensor that is not float32.</exception>
    public static (List<QuantizationTarget> Targets, List<SkippedNode> Skipped) Find(Proto.GraphProto graph, IList<string> opTypes, bool perChannel)
    {
        var initializers = new Dictionary<string, Proto.TensorProto>(StringComparer.Ordinal);
        foreach (Proto.TensorProto tensor in graph.Initializer)
        {
            initializers[tensor.Name] = tensor;
        }

        var graphInputs = new HashSet<string>(graph.Input.Select(i => i.Name), StringComparer.Ordinal);
        Dictionary<string, int> types = TensorTypes.Declared(graph);
        var targets = new List<QuantizationTarget>();
        var skipped = new List<SkippedNode>();
        foreach (Proto.NodeProto node in graph.Node)
        {
            if (!GraphWalk.IsOnnxDomain(node) || !opTypes.Contains(node.OpType, StringComparer.Ordinal))
            {
                continue;
            }

            string? reason = Plan(node, initializers, graphInputs, types, perChannel, out QuantizationTarget? target);
            if (target is not null)
            {
                targets.Add(target);
            }
            else
            {
                skipped.Add(new SkippedNode(GraphWalk.Label(node), node.OpType, reason!));
            }
        }

        return (targets, skipped);
    }

    private static bool IsQuantizedOp(string opType) =>
        opType is "QuantizeLinear" or "DequantizeLinear" or "DynamicQuantizeLinear" or "MatMulInteger" or "ConvInteger"
            or "QGemm" or "QAttention" or "MatMulIntegerToFloat" or "DynamicQuantizeMatMul" or "MatMulNBits"
        || opType.StartsWith("QLinear", StringComparison.Ordinal);

    // Returns why the node is skipped, or null with the target set.
    private static string? Plan(
        Proto.NodeProto node,
        Dictionary<string, Proto.TensorProto> initializers,
        HashSet<string> graphInputs,
        Dictionary<string, int> types,
        bool perChannel,
        out QuantizationTarget? target)
    {
        target = null;
        string weightRole = node.OpType == "Conv" ? "W" : "B";
        if (node.Input.Count < 2 || node.Input[0].Length == 0 || node.Input[1].Length == 0)
        {
            return "it does not have both a data input and a weight input";
        }

        string activation = node.Input[0];
        string weightName = node.Input[1];
        CheckFloat(node, activation, "input", types);
        CheckFloat(node, weightName, weightRole, types);
        if (!initializers.TryGetValue(weightName, out Proto.TensorProto? weight) || graphInputs.Contains(weightName))
        {
            return $"its {weightRole} input '{weightName}' is not a constant initializer";
        }

        if (initializers.ContainsKey(activation))
        {
            return $"its data input '{activation}' is a constant initializer";
        }

        if (node.Input.Count > 2 && node.Input[2].Length > 0)
        {
            CheckFloat(node, node.Input[2], node.OpType == "Conv" ? "B" : "C", types);
        }

        int rank = weight.Dims.Count;
        if (weight.Dims.Any(d => d <= 0))
        {
            return $"its weight '{weightName}' is empty";
        }

        int? axis;
        switch (node.OpType)
        {
            case "Gemm" when rank != 2:
                return string.Create(CultureInfo.InvariantCulture, $"its weight '{weightName}' has rank {rank}, not 2");
            case "Gemm":
                axis = GraphWalk.IntAttribute(node, "transB", 0) != 0 ? 0 : 1;
                break;
            case "Conv" when rank < 3:
                return string.Create(CultureInfo.InvariantCulture, $"its weight '{weightName}' has rank {rank}, less than 3");
            case "Conv":
                axis = 0;
                break;
            default:
                axis = rank >= 2 ? rank - 1 : null; // MatMul: one scale per output column
                break;
        }

        target = new QuantizationTarget(node, activation, weight, perChannel ? axis : null);
        return null;
    }

    private static void CheckFloat(Proto.NodeProto node, string tensor, string role, Dictionary<string, int> types)
    {
        if (types.TryGetValue(tensor, out int type) && type != TensorTypes.Float)
        {
            throw new QuantizationException(
                $"Node '{GraphWalk.Label(node)}' ({node.OpType}) reads {role} '{tensor}' of type {TensorTypes.Name(type)}; only float32 tensors can be quantized to int8.");
        }
    }
}
