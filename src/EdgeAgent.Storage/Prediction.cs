namespace EdgeAgent.Storage;

/// <summary>A model's output for one window, as handed to the store.</summary>
/// <param name="Time">When the window ended.</param>
/// <param name="ModelVersion">The model that scored it.</param>
/// <param name="WindowId">The window's sequence number from the feature pipeline.</param>
/// <param name="Score">The headline score (anomaly score, remaining useful life...).</param>
/// <param name="ValuesJson">Every output value as JSON, kept as given.</param>
/// <param name="QualityFlags">The bit set of data quality flags the feature pipeline raised for the window.</param>
public sealed record NewPrediction(DateTimeOffset Time, string ModelVersion, long WindowId, double Score, string ValuesJson, int QualityFlags);

/// <summary>A stored prediction.</summary>
/// <param name="Id">Store id; ids grow and are never reused.</param>
/// <param name="Time">When the window ended.</param>
/// <param name="ModelVersion">The model that scored it.</param>
/// <param name="WindowId">The window's sequence number.</param>
/// <param name="Score">The headline score.</param>
/// <param name="ValuesJson">Every output value as JSON.</param>
/// <param name="QualityFlags">Data quality flags.</param>
/// <param name="Thinned">True once retention has thinned the rows around it.</param>
public sealed record Prediction(long Id, DateTimeOffset Time, string ModelVersion, long WindowId, double Score, string ValuesJson, int QualityFlags, bool Thinned);

/// <summary>The ids given to a batch inserted in one transaction: <paramref name="FirstId"/> to <paramref name="LastId"/>, both included.</summary>
/// <param name="FirstId">The first id of the batch.</param>
/// <param name="LastId">The last id of the batch.</param>
public readonly record struct IdRange(long FirstId, long LastId)
{
    /// <summary>How many ids the range holds.</summary>
    public long Count => LastId - FirstId + 1;
}
