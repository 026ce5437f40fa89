namespace EdgeAgent.ModelKit.Training;

/// <summary>Rows of input features and target values, each stored row-major in one float array.</summary>
public sealed class TrainingSet
{
    public TrainingSet(float[] inputs, int inputWidth, float[] targets, int targetWidth)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetWidth);
        if (inputs.Length == 0 || inputs.Length % inputWidth != 0)
        {
            throw new ArgumentException($"{inputs.Length} input values are not a positive number of rows of {inputWidth}.", nameof(inputs));
        }

        int count = inputs.Length / inputWidth;
        if (targets.Length != count * targetWidth)
        {
            throw new ArgumentException($"{count} rows need {count * targetWidth} target values, not {targets.Length}.", nameof(targets));
        }

        for (int i = 0; i < inputs.Length; i++)
        {
            if (!float.IsFinite(inputs[i]))
            {
                throw new ArgumentException($"Input value {i % inputWidth} of row {i / inputWidth} is {inputs[i]}; finite values are needed.", nameof(inputs));
            }
        }

        for (int i = 0; i < targets.Length; i++)
        {
            if (!float.IsFinite(targets[i]))
            {
                throw new ArgumentException($"Target value {i % targetWidth} of row {i / targetWidth} is {targets[i]}; finite values are needed.", nameof(targets));
            }
        }

        Inputs = inputs;
        InputWidth = inputWidth;
        Targets = targets;
        TargetWidth = targetWidth;
        Count = count;
    }

    public float[] Inputs { get; }

    public int InputWidth { get; }

    public float[] Targets { get; }

    public int TargetWidth { get; }

    /// <summary>The number of rows.</summary>
    public int Count { get; }

    /// <summary>Builds a set from one array per row.</summary>
    public static TrainingSet FromRows(IReadOnlyList<float[]> inputs, IReadOnlyList<float[]> targets)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (inputs.Count == 0 || inputs.Count != targets.Count)
        {
            throw new ArgumentException($"There are {inputs.Count} input rows and {targets.Count} target rows; equally many, and some, are needed.", nameof(targets));
        }

        int inputWidth = inputs[0].Length;
        int targetWidth = targets[0].Length;
        var x = new float[inputs.Count * inputWidth];
        var y = new float[targets.Count * targetWidth];
        for (int r = 0; r < inputs.Count; r++)
        {
            if (inputs[r].Length != inputWidth || targets[r].Length != targetWidth)
            {
                throw new ArgumentException($"Row {r} has {inputs[r].Length} inputs and {targets[r].Length} targets; row 0 has {inputWidth} and {targetWidth}.", nameof(inputs));
            }

            inputs[r].CopyTo(x, r * inputWidth);
            targets[r].CopyTo(y, r * targetWidth);
        }

        return new TrainingSet(x, inputWidth, y, targetWidth);
    }
}
