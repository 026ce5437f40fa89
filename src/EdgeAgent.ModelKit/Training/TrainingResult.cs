namespace EdgeAgent.ModelKit.Training;

/// <summary>A trained network and the log of its training.</summary>
public sealed record TrainingResult(DenseNetwork Network, TrainingLog Log);
