using EdgeAgent.ModelKit.Metrics;

namespace EdgeAgent.ModelKit.Training.Anomaly;

/// <summary>How the detector did on held-out normal rows and the anomalous rows.</summary>
/// <param name="RocAuc">Area under the ROC curve of the score.</param>
/// <param name="AveragePrecision">PR AUC (average precision) with anomalies as the positive class.</param>
/// <param name="AtThreshold">Counts, precision and recall at the chosen threshold.</param>
/// <param name="NormalRows">Held-out normal rows.</param>
/// <param name="AnomalyRows">Anomalous rows.</param>
public sealed record AnomalyEvaluation(double RocAuc, double AveragePrecision, ThresholdCounts AtThreshold, int NormalRows, int AnomalyRows);
