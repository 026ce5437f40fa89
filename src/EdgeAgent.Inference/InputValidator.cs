namespace EdgeAgent.Inference;

/// <summary>Checks inputs against what the model declares before anything runs.</summary>
internal static class InputValidator
{
    /// <summary>
    /// Returns the inputs in the model's order; throws <see cref="InferenceInputException"/> naming the input,
    /// what the model expects and what was given at the first mismatch.
    /// </summary>
    public static InferenceInput[] Validate(ModelDescription model, IReadOnlyList<InferenceInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var byName = new Dictionary<string, InferenceInput>(StringComparer.Ordinal);
        foreach (InferenceInput input in inputs)
        {
            ArgumentNullException.ThrowIfNull(input);
            if (model.FindInput(input.Name) is null)
            {
                throw new InferenceInputException(
                    $"The model has no input '{input.Name}'; its inputs are {Names(model)}.", input.Name, Names(model), input.Name);
            }

            if (!byName.TryAdd(input.Name, input))
            {
                throw new InferenceInputException($"Input '{input.Name}' was given more than once.", input.Name, "once", "twice");
            }
        }

        var symbols = new Dictionary<string, (long Size, string Input)>(StringComparer.Ordinal);
        var ordered = new InferenceInput[model.Inputs.Count];
        for (int i = 0; i < model.Inputs.Count; i++)
        {
            TensorDescription expected = model.Inputs[i];
            if (!byName.TryGetValue(expected.Name, out InferenceInput? given))
            {
                throw new InferenceInputException(
                    $"Input '{expected.Name}' ({ElementTypes.Name(expected.ElementType)} {expected.ShapeText}) is missing.",
                    expected.Name, expected.ToString(), "nothing");
            }

            CheckElementType(expected, given);
            CheckShape(expected, given, symbols);
            ordered[i] = given;
        }

        return ordered;
    }

    private static void CheckElementType(TensorDescription expected, InferenceInput given)
    {
        var givenType = ElementTypes.Of(given.ElementType);
        if (givenType != expected.ElementType)
        {
            string givenName = ElementTypes.ToClr(givenType) is null ? given.ElementType.Name : ElementTypes.Name(givenType);
            throw new InferenceInputException(
                $"Input '{expected.Name}' expects element type {ElementTypes.Name(expected.ElementType)} but was given {givenName}.",
                expected.Name, ElementTypes.Name(expected.ElementType), givenName);
        }
    }

    private static void CheckShape(TensorDescription expected, InferenceInput given, Dictionary<string, (long Size, string Input)> symbols)
    {
        string ShapeError(string detail) =>
            $"Input '{expected.Name}' expects shape {expected.ShapeText} but was given {given.ShapeText}{detail}.";

        if (given.Shape.Count != expected.Shape.Count)
        {
            throw new InferenceInputException(ShapeError($" (rank {expected.Shape.Count} expected, {given.Shape.Count} given)"), expected.Name, expected.ShapeText, given.ShapeText);
        }

        long count = 1;
        for (int axis = 0; axis < expected.Shape.Count; axis++)
        {
            TensorDimension dim = expected.Shape[axis];
            long size = given.Shape[axis];
            if (size < 0 || (dim.Size is long fixedSize && fixedSize != size))
            {
                throw new InferenceInputException(ShapeError($" (axis {axis})"), expected.Name, expected.ShapeText, given.ShapeText);
            }

            if (dim.Size is null && !string.IsNullOrEmpty(dim.Symbol))
            {
                if (symbols.TryGetValue(dim.Symbol, out var seen) && seen.Size != size)
                {
                    throw new InferenceInputException(
                        ShapeError($" (dimension '{dim.Symbol}' is {seen.Size} in input '{seen.Input}' but {size} here)"),
                        expected.Name, expected.ShapeText, given.ShapeText);
                }

                symbols[dim.Symbol] = (size, expected.Name);
            }

            count *= size;
        }

        if (given.Data.LongLength != count)
        {
            throw new InferenceInputException(
                $"Input '{expected.Name}' has shape {given.ShapeText} ({count} elements) but {given.Data.LongLength} values were given.",
                expected.Name, $"{count} values", $"{given.Data.LongLength} values");
        }
    }

    private static string Names(ModelDescription model) => string.Join(", ", model.Inputs.Select(i => $"'{i.Name}'"));
}
