namespace EdgeAgent.Inference;

/// <summary>A named output tensor copied out of the runtime.</summary>
public sealed record InferenceOutput(string Name, Array Data, IReadOnlyList<long> Shape)
{
    /// <summary>The elements as <typeparamref name="T"/>; throws when the output has another element type.</summary>
    public T[] As<T>() => Data as T[] ?? throw new InvalidCastException(
        $"Output '{Name}' holds {Data.GetType().GetElementType()?.Name} elements, not {typeof(T).Name}.");
}
