namespace EdgeAgent.AgentBench;

internal sealed record IngestResult(
    double PipelineSamplesPerSecond,
    double FeaturesSamplesPerSecond,
    TimeSpan DecisionP50,
    TimeSpan DecisionP99,
    TimeSpan DecisionMax,
    TimeSpan BareRunP99);
