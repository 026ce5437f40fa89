namespace EdgeAgent.Benchmarks;

/// <summary>
/// Every case at one batch size, with the ratios to the bare baseline: of the means, of the medians,
/// and the median over rounds of each round's ratio (the one least moved by drift). The runner is also
/// compared with the floor, a bare <c>RunWithBinding</c>: what is left is the runner's own cost.
/// <c>WarmupSeconds</c> is how long the warm-up took: until the JIT went quiet.
/// </summary>
internal sealed record BatchResult(
    int BatchSize,
    double WarmupSeconds,
    IReadOnlyList<CaseResult> Cases,
    double RunnerOverBareMean,
    double RunnerOverBareMedian,
    double RunnerOverBareRoundMedian,
    double EngineRunOverBareMean,
    double EngineRunOverBareMedian,
    double RunnerOverFloorMedian,
    double RunnerOverFloorRoundMedian,
    double MaxAbsOutputDifference);
