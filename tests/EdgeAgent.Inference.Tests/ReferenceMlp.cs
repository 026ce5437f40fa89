using EdgeAgent.Onnx.Tensors;

namespace EdgeAgent.Inference.Tests;

/// <summary>
/// An independent forward pass of a Gemm/Relu graph, computed in plain C# from the model's own
/// initializers: what ONNX Runtime returns is checked against it.
/// </summary>
internal sealed class ReferenceMlp
{
    private readonly global::Onnx.GraphProto _graph;
    private readonly Dictionary<string, (float[] Data, long[] Shape)> _initializers;

    public ReferenceMlp(string modelPath)
    {
        _graph = global::Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(modelPath)).Graph;
        _initializers = _graph.Initializer.ToDictionary(t => t.Name, t => ((float[])TensorProtoConvert.ToArray(t), TensorProtoConvert.Shape(t)));
    }

    public float[] Forward(float[] input, int batch)
    {
        var values = new Dictionary<string, (float[] Data, long[] Shape)>(_initializers)
        {
            [_graph.Input[0].Name] = (input, [batch, input.Length / batch]),
        };
        foreach (var node in _graph.Node)
        {
            values[node.Output[0]] = node.OpType switch
            {
                "Gemm" => Gemm(node, values),
                "Relu" => (values[node.Input[0]].Data.Select(v => Math.Max(v, 0f)).ToArray(), values[node.Input[0]].Shape),
                _ => throw new NotSupportedException($"Reference pass has no {node.OpType}."),
            };
        }

        return values[_graph.Output[0].Name].Data;
    }

    private static (float[], long[]) Gemm(global::Onnx.NodeProto node, Dictionary<string, (float[] Data, long[] Shape)> values)
    {
        long Attr(string name, long fallback) => node.Attribute.FirstOrDefault(a => a.Name == name)?.I ?? fallback;
        float AttrF(string name) => node.Attribute.FirstOrDefault(a => a.Name == name)?.F ?? 1f;
        var (a, aShape) = values[node.Input[0]];
        var (b, bShape) = values[node.Input[1]];
        bool transA = Attr("transA", 0) == 1, transB = Attr("transB", 0) == 1;
        float alpha = AttrF("alpha"), beta = AttrF("beta");
        int m = (int)(transA ? aShape[1] : aShape[0]), k = (int)(transA ? aShape[0] : aShape[1]);
        int n = (int)(transB ? bShape[0] : bShape[1]);
        float[]? c = node.Input.Count > 2 ? values[node.Input[2]].Data : null;
        var y = new float[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    float av = transA ? a[(p * m) + i] : a[(i * k) + p];
                    float bv = transB ? b[(j * k) + p] : b[(p * n) + j];
                    sum += av * bv;
                }

                float bias = c is null ? 0f : c.Length == n ? c[j] : c[(i * n) + j];
                y[(i * n) + j] = (float)((alpha * sum) + (beta * bias));
            }
        }

        return (y, [m, n]);
    }
}
