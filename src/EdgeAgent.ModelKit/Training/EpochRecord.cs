namespace EdgeAgent.ModelKit.Training;

/// <summary>One epoch of training: its step size and the mean squared errors (in the trained units) it ended with.</summary>
/// <param name="Epoch">1-based.</param>
/// <param name="LearningRate">The Adam step size used in the epoch.</param>
/// <param name="TrainingLoss">Mean squared error over the epoch's mini-batches, measured before each step.</param>
/// <param name="ValidationLoss">Mean squared error on the validation rows after the epoch; null without them.</param>
public sealed record EpochRecord(int Epoch, double LearningRate, double TrainingLoss, double? ValidationLoss);
