namespace EdgeAgent.AgentBench;

internal sealed record ProcessResult(double SteadyRssMb, double PeakRssMb, TimeSpan FirstPrediction, TimeSpan FirstPredictionReported);
