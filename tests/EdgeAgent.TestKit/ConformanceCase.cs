using EdgeAgent.Onnx.Tensors;

namespace EdgeAgent.TestKit;

/// <summary>One ONNX backend conformance case: a model with reference inputs and expected outputs.</summary>
public sealed record ConformanceCase(string Name, string ModelPath, IReadOnlyList<ConformanceTensor> Inputs, IReadOnlyList<ConformanceTensor> Outputs)
{
    /// <summary>Every case under <c>shared/models/onnx_quant_conformance</c>, as "release/test" names.</summary>
    public static IEnumerable<string> AllNames()
    {
        string root = SharedAssets.Model("onnx_quant_conformance");
        return Directory.EnumerateFiles(root, "model.onnx", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, Path.GetDirectoryName(p)!))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Loads a case by its "release/test" name.</summary>
    public static ConformanceCase Load(string name)
    {
        string dir = Path.Combine(SharedAssets.Model("onnx_quant_conformance"), name);
        string data = Path.Combine(dir, "test_data_set_0");
        return new ConformanceCase(
            name,
            Path.Combine(dir, "model.onnx"),
            ReadAll(data, "input_"),
            ReadAll(data, "output_"));
    }

    private static List<ConformanceTensor> ReadAll(string dir, string prefix) =>
        Directory.EnumerateFiles(dir, prefix + "*.pb")
            .OrderBy(p => int.Parse(Path.GetFileNameWithoutExtension(p)[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture))
            .Select(p =>
            {
                var proto = TensorProtoConvert.ReadFile(p);
                return new ConformanceTensor(proto.Name, TensorProtoConvert.ToArray(proto), TensorProtoConvert.Shape(proto));
            })
            .ToList();
}

/// <summary>A named reference tensor of a conformance case.</summary>
public sealed record ConformanceTensor(string Name, Array Data, long[] Shape);
