namespace EdgeAgent.Inference;

/// <summary>One dimension of a model tensor: a fixed size, or a dynamic one with an optional symbol.</summary>
/// <param name="Size">The fixed size, or null when the dimension is dynamic.</param>
/// <param name="Symbol">The symbolic name of a dynamic dimension (for example <c>batch_size</c>), or null.</param>
public readonly record struct TensorDimension(long? Size, string? Symbol)
{
    /// <summary>True when the size is decided at run time.</summary>
    public bool IsDynamic => Size is null;

    /// <inheritdoc />
    public override string ToString() =>
        Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? (string.IsNullOrEmpty(Symbol) ? "?" : Symbol);
}
