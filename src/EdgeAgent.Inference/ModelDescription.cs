namespace EdgeAgent.Inference;

/// <summary>What a loaded model declares: its inputs and outputs in order, and its metadata.</summary>
public sealed record ModelDescription(
    IReadOnlyList<TensorDescription> Inputs,
    IReadOnlyList<TensorDescription> Outputs,
    string ProducerName,
    string GraphName,
    string Domain,
    string Description,
    long Version,
    IReadOnlyDictionary<string, string> CustomMetadata)
{
    /// <summary>The input with this name, or null.</summary>
    public TensorDescription? FindInput(string name) => Inputs.FirstOrDefault(i => i.Name == name);

    /// <summary>The output with this name, or null.</summary>
    public TensorDescription? FindOutput(string name) => Outputs.FirstOrDefault(o => o.Name == name);
}
