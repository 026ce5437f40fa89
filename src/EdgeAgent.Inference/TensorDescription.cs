using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeAgent.Inference;

/// <summary>A model input or output: name, element type and shape with its dynamic dimensions.</summary>
public sealed record TensorDescription(string Name, TensorElementType ElementType, IReadOnlyList<TensorDimension> Shape)
{
    /// <summary>The CLR element type (float for float32, sbyte for int8...), or null for types without one.</summary>
    public Type? ClrType => ElementTypes.ToClr(ElementType);

    /// <summary>The shape as ONNX tools print it, for example <c>[batch_size, 10]</c>.</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {ElementTypes.Name(ElementType)} {ShapeText}";
}
