namespace EdgeAgent.Inference;

/// <summary>A named input tensor: its elements in row-major order and its shape.</summary>
public sealed class InferenceInput
{
    private InferenceInput(string name, Array data, Type elementType, long[] shape)
    {
        Name = name;
        Data = data;
        ElementType = elementType;
        Shape = shape;
    }

    /// <summary>The model input this feeds.</summary>
    public string Name { get; }

    /// <summary>The elements, row-major.</summary>
    public Array Data { get; }

    /// <summary>The CLR element type of <see cref="Data"/>.</summary>
    public Type ElementType { get; }

    /// <summary>The dimensions.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>Creates an input from an array and its shape.</summary>
    public static InferenceInput Create<T>(string name, T[] data, params long[] shape)
        where T : unmanaged
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        return new InferenceInput(name, data, typeof(T), (long[])shape.Clone());
    }

    /// <summary>Creates an input from an array of any supported element type (float[], sbyte[], long[]...).</summary>
    public static InferenceInput FromArray(string name, Array data, params long[] shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        Type elementType = data.GetType().GetElementType() ?? throw new ArgumentException("Data must be an array.", nameof(data));
        if (data.Rank != 1)
        {
            throw new ArgumentException($"Input '{name}' data must be a one-dimensional array in row-major order.", nameof(data));
        }

        return new InferenceInput(name, data, elementType, (long[])shape.Clone());
    }

    internal string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
