namespace EdgeAgent.ModelKit.Training;

/// <summary>What happened while a network was trained.</summary>
/// <param name="Epochs">Every epoch, in order.</param>
/// <param name="ReturnedEpoch">The epoch whose weights were returned (the last, or the best on validation).</param>
/// <param name="TrainingRows">Rows trained on.</param>
/// <param name="ValidationRows">Rows validated on (0 when none).</param>
/// <param name="Elapsed">Wall-clock time of the fit (measured with a stopwatch).</param>
public sealed record TrainingLog(IReadOnlyList<EpochRecord> Epochs, int ReturnedEpoch, int TrainingRows, int ValidationRows, TimeSpan Elapsed);
