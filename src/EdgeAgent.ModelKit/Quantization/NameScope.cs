using Proto = global::Onnx;

namespace EdgeAgent.ModelKit.Quantization;

/// <summary>
/// Hands out names no tensor, node or graph input/output of a model uses yet (subgraphs included):
/// the wanted name when it is free, otherwise the first free <c>name_1</c>, <c>name_2</c>...
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public NameScope(Proto.GraphProto graph)
    {
        foreach (Proto.GraphProto g in GraphWalk.Graphs(graph))
        {
            _taken.UnionWith(g.Input.Select(v => v.Name));
            _taken.UnionWith(g.Output.Select(v => v.Name));
            _taken.UnionWith(g.ValueInfo.Select(v => v.Name));
            _taken.UnionWith(g.Initializer.Select(t => t.Name));
            _taken.UnionWith(g.SparseInitializer.Select(t => t.Values.Name));
            foreach (Proto.NodeProto node in g.Node)
            {
                _taken.Add(node.Name);
                _taken.UnionWith(node.Input);
                _taken.UnionWith(node.Output);
            }
        }
    }

    /// <summary>A free name based on <paramref name="wanted"/>, which is then taken.</summary>
    public string Take(string wanted)
    {
        string name = wanted;
        for (int n = 1; !_taken.Add(name); n++)
        {
            name = $"{wanted}_{n}";
        }

        return name;
    }
}
