namespace EdgeAgent.ModelKit.Training.Features;

/// <summary>One element of a feature vector: a statistic of one channel over the window.</summary>
/// <param name="Channel">The channel (column) name, e.g. <c>s11</c>.</param>
/// <param name="Statistic">What is computed.</param>
/// <param name="Parameter">α for <see cref="WindowStatistic.Ewma"/>, the count for <see cref="WindowStatistic.RecentMean"/>; 0 otherwise.</param>
public sealed record WindowFeature(string Channel, WindowStatistic Statistic, double Parameter = 0)
{
    /// <summary>A readable name, e.g. <c>s11.mean</c>, <c>s11.ewma(0.1)</c>.</summary>
    public string Name => Statistic switch
    {
        WindowStatistic.Ewma or WindowStatistic.RecentMean => FormattableString.Invariant($"{Channel}.{Key}({Parameter})"),
        _ => $"{Channel}.{Key}",
    };

    /// <summary>The statistic's short name as packages spell it: mean, std, min, max, last, slope, ewma, recent_mean.</summary>
    public string Key => Statistic switch
    {
        WindowStatistic.Mean => "mean",
        WindowStatistic.StandardDeviation => "std",
        WindowStatistic.Min => "min",
        WindowStatistic.Max => "max",
        WindowStatistic.Last => "last",
        WindowStatistic.Slope => "slope",
        WindowStatistic.Ewma => "ewma",
        WindowStatistic.RecentMean => "recent_mean",
        _ => Statistic.ToString(),
    };
}
