namespace EdgeAgent.Benchmarks;

/// <summary>What one timed loop allocated on the managed heap, and the gen0 collections it saw.</summary>
internal readonly record struct LoopTotals(long AllocatedBytes, int Gen0Collections);
