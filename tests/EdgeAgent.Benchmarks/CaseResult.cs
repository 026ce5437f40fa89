namespace EdgeAgent.Benchmarks;

/// <summary>The figures of one case at one batch size; latencies are per call, in microseconds.</summary>
internal sealed record CaseResult(
    string Key,
    string Label,
    long Calls,
    double MeanUs,
    double MedianUs,
    double P99Us,
    double MinUs,
    double BytesPerCall,
    int Gen0Collections);
