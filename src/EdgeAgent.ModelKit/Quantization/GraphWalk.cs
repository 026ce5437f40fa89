using Proto = global::Onnx;

namespace EdgeAgent.ModelKit.Quantization;

/// <summary>Visits a graph and the subgraphs held in its nodes' attributes (If, Loop, Scan...).</summary>
internal static class GraphWalk
{
    /// <summary>The graph followed by every subgraph nested in it, depth first.</summary>
    public static IEnumerable<Proto.GraphProto> Graphs(Proto.GraphProto graph)
    {
        yield return graph;
        foreach (Proto.NodeProto node in graph.Node)
        {
            foreach (Proto.AttributeProto attribute in node.Attribute)
            {
                IEnumerable<Proto.GraphProto> children = attribute.G is null ? attribute.Graphs : [attribute.G, .. attribute.Graphs];
                foreach (Proto.GraphProto child in children)
                {
                    foreach (Proto.GraphProto nested in Graphs(child))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }

    /// <summary>Every node of the graph and its subgraphs.</summary>
    public static IEnumerable<Proto.NodeProto> AllNodes(Proto.GraphProto graph) => Graphs(graph).SelectMany(g => g.Node);

    /// <summary>Whether a node belongs to the default ONNX domain.</summary>
    public static bool IsOnnxDomain(Proto.NodeProto node) => node.Domain is "" or "ai.onnx";

    /// <summary>The node's name, or a stand-in that still identifies it.</summary>
    public static string Label(Proto.NodeProto node) =>
        node.Name is { Length: > 0 } name ? name : $"<unnamed {node.OpType} -> {node.Output.FirstOrDefault()}>";

    /// <summary>An integer attribute, or <paramref name="fallback"/> when the node does not set it.</summary>
    public static long IntAttribute(Proto.NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } attribute ? attribute.I : fallback;
}
