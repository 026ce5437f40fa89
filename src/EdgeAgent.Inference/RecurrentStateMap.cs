namespace EdgeAgent.Inference;

/// <summary>Pairs state outputs with the inputs they feed on the next call.</summary>
internal static class RecurrentStateMap
{
    private static readonly string[] Suffixes = ["N", "_out", "_next", "_new", "n"];

    public static IReadOnlyList<RecurrentStatePair> Find(ModelDescription model, IDictionary<string, string> configured)
    {
        if (configured.Count > 0)
        {
            return [.. configured.Select(kv => Check(model, kv.Key, kv.Value))];
        }

        var pairs = new List<RecurrentStatePair>();
        foreach (TensorDescription output in model.Outputs)
        {
            TensorDescription? input = model.Inputs.FirstOrDefault(i =>
                i.ElementType == output.ElementType &&
                i.Shape.Count == output.Shape.Count &&
                Suffixes.Any(s => output.Name == i.Name + s));
            if (input is not null)
            {
                pairs.Add(new RecurrentStatePair(output.Name, input.Name));
            }
        }

        return pairs;
    }

    private static RecurrentStatePair Check(ModelDescription model, string outputName, string inputName)
    {
        TensorDescription output = model.FindOutput(outputName) ?? throw new ModelLoadException(
            $"{InferenceEngineOptions.SectionName}:RecurrentState names output '{outputName}', which the model does not have.");
        TensorDescription input = model.FindInput(inputName) ?? throw new ModelLoadException(
            $"{InferenceEngineOptions.SectionName}:RecurrentState names input '{inputName}', which the model does not have.");
        if (input.ElementType != output.ElementType || input.Shape.Count != output.Shape.Count)
        {
            throw new ModelLoadException(
                $"{InferenceEngineOptions.SectionName}:RecurrentState pairs output {output} with input {input}, whose element type or rank differ.");
        }

        return new RecurrentStatePair(outputName, inputName);
    }
}
