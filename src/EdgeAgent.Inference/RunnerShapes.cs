namespace EdgeAgent.Inference;

/// <summary>Turns a declared shape with dynamic dimensions into a concrete one.</summary>
internal static class RunnerShapes
{
    /// <summary>
    /// Sizes each dynamic dimension by its symbol or by "name:axis"; a symbol sized by an input sizes the
    /// outputs that share it. Returns null for an output left open; throws for an input left open.
    /// </summary>
    public static long[]? Resolve(TensorDescription tensor, Dictionary<string, long> symbols, bool required)
    {
        var shape = new long[tensor.Shape.Count];
        for (int axis = 0; axis < shape.Length; axis++)
        {
            TensorDimension dim = tensor.Shape[axis];
            string axisKey = $"{tensor.Name}:{axis}";
            if (dim.Size is long size)
            {
                shape[axis] = size;
            }
            else if (symbols.TryGetValue(axisKey, out long byAxis) || (dim.Symbol is not null && symbols.TryGetValue(dim.Symbol, out byAxis)))
            {
                if (byAxis < 0)
                {
                    throw new InferenceInputException($"Dimension {axisKey} of {tensor} was given the negative size {byAxis}.", tensor.Name, tensor.ShapeText, byAxis.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                shape[axis] = byAxis;
                if (dim.Symbol is not null)
                {
                    symbols.TryAdd(dim.Symbol, byAxis);
                }
            }
            else if (required)
            {
                string key = dim.Symbol ?? axisKey;
                throw new InferenceInputException(
                    $"Input '{tensor.Name}' has the dynamic dimension '{key}' (shape {tensor.ShapeText}); give its size when creating the runner, for example {{ \"{key}\": 1 }}.",
                    tensor.Name, tensor.ShapeText, "no size");
            }
            else
            {
                return null;
            }
        }

        return shape;
    }
}
