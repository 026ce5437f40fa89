using Microsoft.ML.OnnxRuntime;

namespace EdgeAgent.Inference;

public sealed partial class InferenceEngine
{
    private static ModelDescription Describe(InferenceSession session, string source)
    {
        ModelMetadata meta = session.ModelMetadata;
        return new ModelDescription(
            Tensors(session.InputNames, session.InputMetadata, "input", source),
            Tensors(session.OutputNames, session.OutputMetadata, "output", source),
            meta.ProducerName,
            meta.GraphName,
            meta.Domain,
            meta.Description,
            meta.Version,
            new Dictionary<string, string>(meta.CustomMetadataMap, StringComparer.Ordinal));
    }

    private static TensorDescription[] Tensors(IReadOnlyList<string> names, IReadOnlyDictionary<string, NodeMetadata> metadata, string kind, string source)
    {
        var result = new TensorDescription[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            NodeMetadata node = metadata[names[i]];
            if (!node.IsTensor || ElementTypes.ToClr(node.ElementDataType) is null)
            {
                throw new ModelLoadException(
                    $"Model {source} could not be loaded: {kind} '{names[i]}' is a {node.OnnxValueType} of {ElementTypes.Name(node.ElementDataType)}; only numeric and bool tensors are supported.");
            }

            var shape = new TensorDimension[node.Dimensions.Length];
            for (int axis = 0; axis < shape.Length; axis++)
            {
                long size = node.Dimensions[axis];
                string symbol = node.SymbolicDimensions.Length > axis ? node.SymbolicDimensions[axis] : "";
                shape[axis] = size >= 0 ? new TensorDimension(size, null) : new TensorDimension(null, string.IsNullOrEmpty(symbol) ? null : symbol);
            }

            result[i] = new TensorDescription(names[i], node.ElementDataType, shape);
        }

        return result;
    }
}
