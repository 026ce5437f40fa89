using EdgeAgent.Inference;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeAgent.Benchmarks;

/// <summary>What the bench needs to know of a model: float32 inputs and outputs, and how to size the batch.</summary>
internal sealed record BenchModel(string[] InputNames, string[] OutputNames, string BatchKey)
{
    /// <summary>Checks that the model fits the bench: every tensor float32, a dynamic first axis on the first input.</summary>
    public static BenchModel From(ModelDescription model)
    {
        foreach (TensorDescription tensor in model.Inputs.Concat(model.Outputs))
        {
            if (tensor.ElementType != TensorElementType.Float)
            {
                throw new NotSupportedException($"The bench times float32 models; {tensor} is not float32.");
            }
        }

        TensorDescription first = model.Inputs[0];
        if (first.Shape.Count == 0 || !first.Shape[0].IsDynamic)
        {
            throw new NotSupportedException($"The bench varies the batch size along the first axis; {first} has no dynamic first axis.");
        }

        string batchKey = first.Shape[0].Symbol is { Length: > 0 } symbol ? symbol : $"{first.Name}:0";
        return new BenchModel([.. model.Inputs.Select(i => i.Name)], [.. model.Outputs.Select(o => o.Name)], batchKey);
    }
}
