namespace EdgeAgent.ModelKit.Training.Features;

/// <summary>
/// How a model's input vector is computed from a sliding window of channel samples: carried as data
/// (in a package manifest) so a device computes exactly what the model was trained on. Element i of the
/// vector is <see cref="Features"/>[i] computed over the newest <see cref="WindowLength"/> samples.
/// </summary>
public sealed record WindowFeatureSpec
{
    /// <summary>Samples per window. Default 30.</summary>
    public int WindowLength { get; init; } = 30;

    /// <summary>Samples the window advances between two vectors (training windows and device evaluations). Default 1.</summary>
    public int Hop { get; init; } = 1;

    /// <summary>How a series shorter than the window is completed. Default <see cref="ShortWindowPadding.RepeatFirst"/>.</summary>
    public ShortWindowPadding Padding { get; init; } = ShortWindowPadding.RepeatFirst;

    /// <summary>The vector's elements, in order.</summary>
    public IReadOnlyList<WindowFeature> Features { get; init; } = [];

    /// <summary>The channels the features read, in order of first use.</summary>
    public IReadOnlyList<string> Channels => [.. Features.Select(f => f.Channel).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The vector channel by channel: for each channel (in order), each statistic (in order).
    /// </summary>
    public static WindowFeatureSpec PerChannel(IEnumerable<string> channels, IReadOnlyList<(WindowStatistic Statistic, double Parameter)> statistics, int windowLength, int hop = 1)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(statistics);
        return new WindowFeatureSpec
        {
            WindowLength = windowLength,
            Hop = hop,
            Features = [.. channels.SelectMany(c => statistics.Select(s => new WindowFeature(c, s.Statistic, s.Parameter)))],
        };
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the spec cannot be computed.</summary>
    public void Validate()
    {
        if (WindowLength < 1)
        {
            throw new ArgumentException($"WindowLength is {WindowLength}; at least 1 sample is needed.", nameof(WindowLength));
        }

        if (Hop < 1)
        {
            throw new ArgumentException($"Hop is {Hop}; at least 1 is needed.", nameof(Hop));
        }

        if (Features is null || Features.Count == 0)
        {
            throw new ArgumentException("The spec lists no features.", nameof(Features));
        }

        foreach (WindowFeature feature in Features)
        {
            bool ok = feature.Statistic switch
            {
                WindowStatistic.Ewma => feature.Parameter is > 0 and <= 1,
                WindowStatistic.RecentMean => feature.Parameter >= 1 && feature.Parameter <= WindowLength && feature.Parameter == Math.Floor(feature.Parameter),
                WindowStatistic.Slope => WindowLength >= 2,
                _ => Enum.IsDefined(feature.Statistic),
            };
            if (!ok || string.IsNullOrEmpty(feature.Channel))
            {
                throw new ArgumentException($"Feature '{feature.Name}' cannot be computed over {WindowLength} samples (check its channel and parameter).", nameof(Features));
            }
        }
    }
}
