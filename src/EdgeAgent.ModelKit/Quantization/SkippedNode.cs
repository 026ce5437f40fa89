namespace EdgeAgent.ModelKit.Quantization;

/// <summary>A node of a quantized op type that was left in float, and why.</summary>
/// <param name="NodeName">The node's name (or its first output when it has none).</param>
/// <param name="OpType">The node's op type.</param>
/// <param name="Reason">Why it was not quantized.</param>
public sealed record SkippedNode(string NodeName, string OpType, string Reason);
