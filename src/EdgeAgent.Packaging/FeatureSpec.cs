using System.Text.Json.Serialization;

namespace EdgeAgent.Packaging;

/// <summary>
/// The features a device computes to feed the model. Samples of each channel are cut into windows of
/// <see cref="Window"/> samples every <see cref="Hop"/> samples; each channel yields its listed features
/// in order; derived values follow. The model input is the concatenation in that order.
/// </summary>
public sealed record FeatureSpec
{
    /// <summary>Samples (or cycles) per window; 1 for one row at a time.</summary>
    public required int Window { get; init; }

    /// <summary>Samples between the starts of two windows.</summary>
    public required int Hop { get; init; }

    /// <summary>What a sample step is: <c>samples</c> (at a rate), <c>cycles</c>, <c>rows</c>.</summary>
    public string StepUnit { get; init; } = "samples";

    /// <summary>How to fill a window when fewer samples exist (start of a stream): <c>none</c> or <c>repeat-first</c>.</summary>
    public string Padding { get; init; } = "none";

    public required IReadOnlyList<ChannelFeatures> Channels { get; init; }

    public IReadOnlyList<DerivedFeature> Derived { get; init; } = [];

    /// <summary>The number of values the spec yields per window.</summary>
    [JsonIgnore]
    public int Width => Channels.Sum(c => c.Features.Count) + Derived.Count;

    /// <summary>The name of each value, in model-input order: <c>channel.feature</c>, then derived names.</summary>
    [JsonIgnore]
    public IEnumerable<string> ValueNames =>
        Channels.SelectMany(c => c.Features.Select(f => $"{c.Name}.{f}")).Concat(Derived.Select(d => d.Name));
}

/// <summary>One input channel and the features computed from its window (none when it only feeds derived values).</summary>
/// <param name="Name">The channel (sensor or column) name.</param>
/// <param name="Units">The channel's units.</param>
/// <param name="Features">Feature kinds, see <see cref="FeatureKinds"/>.</param>
public sealed record ChannelFeatures(string Name, string Units, IReadOnlyList<string> Features);

/// <summary>A value computed from two channels' latest values: <c>Scale * (A op B)</c>.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Operation"><c>product</c> or <c>difference</c>.</param>
/// <param name="A">First channel.</param>
/// <param name="B">Second channel.</param>
/// <param name="Scale">Factor applied to the result.</param>
/// <param name="Units">Units of the result.</param>
public sealed record DerivedFeature(string Name, string Operation, string A, string B, double Scale, string Units);
