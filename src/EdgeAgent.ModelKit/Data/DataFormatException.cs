namespace EdgeAgent.ModelKit.Data;

/// <summary>An input data file is malformed; the message names the file and, where it applies, the line.</summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException(string path, int line, string problem)
        : base(line > 0 ? $"{path}:{line}: {problem}" : $"{path}: {problem}")
    {
        FilePath = path;
        Line = line;
    }

    public DataFormatException()
    {
    }

    public DataFormatException(string message)
        : base(message)
    {
    }

    public DataFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The file.</summary>
    public string FilePath { get; } = "";

    /// <summary>The 1-based line, or 0 when the problem is not on one line.</summary>
    public int Line { get; }
}
