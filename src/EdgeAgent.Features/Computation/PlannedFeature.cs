namespace EdgeAgent.Features.Computation;

/// <summary>One value of the model input: a feature of one channel's window, as the package declared it.</summary>
public sealed record PlannedFeature
{
    /// <summary>The channel's name.</summary>
    public required string Channel { get; init; }

    /// <summary>The channel's position in <see cref="FeaturePlan.Channels"/>.</summary>
    public required int ChannelIndex { get; init; }

    /// <summary>The feature as the package wrote it, e.g. <c>ewma:0.1</c>.</summary>
    public required string Declared { get; init; }

    /// <summary>What is computed.</summary>
    public required FeatureKind Kind { get; init; }

    /// <summary>α for <see cref="FeatureKind.Ewma"/>, K for <see cref="FeatureKind.RecentMean"/>; 0 otherwise.</summary>
    public double Parameter { get; init; }

    /// <summary>The band's lower edge in Hz (<see cref="FeatureKind.BandEnergy"/> only).</summary>
    public double LowHz { get; init; }

    /// <summary>The band's upper edge in Hz (<see cref="FeatureKind.BandEnergy"/> only).</summary>
    public double HighHz { get; init; }

    /// <summary>The first FFT bin in the band (<see cref="FeatureKind.BandEnergy"/> only).</summary>
    public int LowBin { get; init; }

    /// <summary>The last FFT bin in the band, inclusive (<see cref="FeatureKind.BandEnergy"/> only).</summary>
    public int HighBin { get; init; }

    /// <summary>The value's name in model-input order: <c>channel.feature</c>.</summary>
    public string Name => $"{Channel}.{Declared}";
}
