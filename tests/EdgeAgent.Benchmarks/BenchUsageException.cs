namespace EdgeAgent.Benchmarks;

/// <summary>The arguments are wrong (or help was asked for, when the message is null).</summary>
internal sealed class BenchUsageException(string? reason) : Exception(reason ?? "help")
{
    /// <summary>What is wrong, or null when help was asked for.</summary>
    public string? Reason { get; } = reason;
}
