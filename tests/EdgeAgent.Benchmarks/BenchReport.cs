namespace EdgeAgent.Benchmarks;

/// <summary>Everything one bench run measured, and where. <c>WarmupSeconds</c> is the least warm-up per batch size.</summary>
internal sealed record BenchReport(
    string Model,
    string OnnxRuntimeVersion,
    string Runtime,
    string Os,
    int ProcessorCount,
    int Iterations,
    int Rounds,
    double WarmupSeconds,
    double TimerOverheadNs,
    IReadOnlyList<BatchResult> Batches,
    double TotalSeconds);
