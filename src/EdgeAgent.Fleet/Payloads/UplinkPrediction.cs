namespace EdgeAgent.Fleet.Payloads;

/// <summary>A prediction as the fleet reads it back from a batch.</summary>
/// <param name="Id">The device store's id.</param>
/// <param name="Time">When the window ended.</param>
/// <param name="WindowId">The window's sequence number.</param>
/// <param name="Score">The headline score; null when it was not finite. A single-precision score reads back as the same float.</param>
/// <param name="QualityFlags">Data quality flags.</param>
/// <param name="ModelVersion">The model that scored it.</param>
/// <param name="ValuesJson">Every output value as JSON.</param>
public sealed record UplinkPrediction(long Id, DateTimeOffset Time, long WindowId, double? Score, int QualityFlags, string ModelVersion, string ValuesJson);

/// <summary>A decoded prediction batch.</summary>
/// <param name="MessageId">The message id (<c>epoch:sequence</c>).</param>
/// <param name="Sequence">The message's number in the predictions stream.</param>
/// <param name="Predictions">The predictions, oldest first.</param>
public sealed record PredictionBatch(string MessageId, long Sequence, IReadOnlyList<UplinkPrediction> Predictions);
