namespace EdgeAgent.Inference;

/// <summary>An input does not match what the model declares; nothing was run.</summary>
public sealed class InferenceInputException : ArgumentException
{
    public InferenceInputException(string message, string inputName, string expected, string given)
        : base(message)
    {
        InputName = inputName;
        Expected = expected;
        Given = given;
    }

    public InferenceInputException()
    {
    }

    public InferenceInputException(string message)
        : base(message)
    {
    }

    public InferenceInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The model input concerned.</summary>
    public string InputName { get; } = "";

    /// <summary>What the model expects (shape or element type).</summary>
    public string Expected { get; } = "";

    /// <summary>What was given.</summary>
    public string Given { get; } = "";
}
