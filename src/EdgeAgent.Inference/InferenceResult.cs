namespace EdgeAgent.Inference;

/// <summary>The outputs of one run, in the model's output order.</summary>
public sealed class InferenceResult(IReadOnlyList<InferenceOutput> outputs)
{
    /// <summary>Every output, in the model's order.</summary>
    public IReadOnlyList<InferenceOutput> Outputs { get; } = outputs;

    /// <summary>The output with this name.</summary>
    public InferenceOutput this[string name] =>
        Outputs.FirstOrDefault(o => o.Name == name) ?? throw new KeyNotFoundException(
            $"The model has no output '{name}'; its outputs are {string.Join(", ", Outputs.Select(o => $"'{o.Name}'"))}.");
}
