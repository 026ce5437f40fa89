using System.Numerics;
using EdgeAgent.Packaging;

namespace EdgeAgent.Features.Computation;

/// <summary>
/// A package's <see cref="FeatureSpec"/> compiled into what the agent computes: the channels, the window, and each
/// value of the model input in order. <see cref="Create"/> refuses a spec the agent cannot compute, naming the channel
/// and feature, so a model is refused at start rather than fed wrong values.
/// </summary>
public sealed partial class FeaturePlan
{
    private readonly Dictionary<string, int> _channelIndex;

    private FeaturePlan(
        FeatureSpec spec,
        IReadOnlyList<string> channels,
        IReadOnlyList<PlannedFeature> features,
        IReadOnlyList<PlannedDerived> derived,
        IReadOnlyList<double?> sampleRates,
        int fftSize)
    {
        Spec = spec;
        Window = spec.Window;
        Hop = spec.Hop;
        RepeatFirst = spec.Padding == "repeat-first";
        Channels = channels;
        Features = features;
        Derived = derived;
        SampleRates = sampleRates;
        FftSize = fftSize;
        ValueNames = [.. features.Select(f => f.Name), .. derived.Select(d => d.Name)];
        _channelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < channels.Count; i++)
        {
            _channelIndex[channels[i]] = i;
        }
    }

    /// <summary>The spec the plan was compiled from.</summary>
    public FeatureSpec Spec { get; }

    /// <summary>Samples per window.</summary>
    public int Window { get; }

    /// <summary>Samples between the starts of two windows.</summary>
    public int Hop { get; }

    /// <summary>True when a window is emitted before <see cref="Window"/> samples exist, padded with the first sample.</summary>
    public bool RepeatFirst { get; }

    /// <summary>The channels, in spec order; windows are laid out channel by channel in this order.</summary>
    public IReadOnlyList<string> Channels { get; }

    /// <summary>The per-channel features, in model-input order.</summary>
    public IReadOnlyList<PlannedFeature> Features { get; }

    /// <summary>The derived values, which follow the features.</summary>
    public IReadOnlyList<PlannedDerived> Derived { get; }

    /// <summary>Each channel's sample rate in Hz, where one was given.</summary>
    public IReadOnlyList<double?> SampleRates { get; }

    /// <summary>The FFT length (the window zero-padded to a power of two); 0 when no feature needs a spectrum.</summary>
    public int FftSize { get; }

    /// <summary>The number of values per window: features, then derived values.</summary>
    public int Width => Features.Count + Derived.Count;

    /// <summary>The name of each value in model-input order (the same as <see cref="FeatureSpec.ValueNames"/>).</summary>
    public IReadOnlyList<string> ValueNames { get; }

    /// <summary>The length of the channel-major span that holds one window of every channel.</summary>
    public int WindowsLength => Channels.Count * Window;

    /// <summary>The kinds the agent computes, as a package writes them (parameterised ones with their syntax).</summary>
    public static IReadOnlyList<string> SupportedKinds { get; } =
    [
        "value", "last", "mean", "std", "min", "max", "rms", "peak", "peak_to_peak", "crest", "kurtosis", "skewness", "slope",
        "ewma:ALPHA", "recent_mean:K", "band_energy:LO-HI",
    ];

    /// <summary>The index of a channel by name.</summary>
    /// <exception cref="ArgumentException">The plan has no such channel.</exception>
    public int ChannelIndex(string name) =>
        _channelIndex.TryGetValue(name, out int index) ? index : throw new ArgumentException($"The plan has no channel '{name}'.", nameof(name));

    /// <summary>
    /// Compiles <paramref name="spec"/>. <paramref name="sampleRates"/> gives channels' sample rates in Hz, needed by
    /// <c>band_energy</c>; channels not listed have none.
    /// </summary>
    /// <exception cref="FeatureSpecException">The spec asks for something the agent cannot compute; the message says what.</exception>
    public static FeaturePlan Create(FeatureSpec spec, IReadOnlyDictionary<string, double>? sampleRates = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        sampleRates ??= new Dictionary<string, double>();
        if (spec.Window < 1)
        {
            throw new FeatureSpecException(null, null, $"the window is {spec.Window} samples; at least 1 is needed.");
        }

        if (spec.Hop < 1)
        {
            throw new FeatureSpecException(null, null, $"the hop is {spec.Hop} samples; at least 1 is needed.");
        }

        if (spec.Padding is not ("none" or "repeat-first"))
        {
            throw new FeatureSpecException(null, null, $"padding '{spec.Padding}' is unknown; 'none' and 'repeat-first' are supported.");
        }

        if (spec.Channels is null || spec.Channels.Count == 0)
        {
            throw new FeatureSpecException(null, null, "the spec lists no channels.");
        }

        var names = new List<string>();
        var rates = new List<double?>();
        foreach (ChannelFeatures channel in spec.Channels)
        {
            if (string.IsNullOrWhiteSpace(channel.Name))
            {
                throw new FeatureSpecException(null, null, $"channel {names.Count + 1} has no name.");
            }

            if (names.Contains(channel.Name, StringComparer.Ordinal))
            {
                throw new FeatureSpecException(channel.Name, null, "the channel is listed twice.");
            }

            names.Add(channel.Name);
            rates.Add(sampleRates.TryGetValue(channel.Name, out double rate) ? rate : null);
        }

        foreach (string unknown in sampleRates.Keys.Where(k => !names.Contains(k, StringComparer.Ordinal)))
        {
            throw new FeatureSpecException(unknown, null, "a sample rate was given for a channel the spec does not list.");
        }

        bool needsFft = spec.Channels.Any(c => c.Features.Any(f => f.StartsWith("band_energy", StringComparison.Ordinal)));
        int fftSize = needsFft ? (int)BitOperations.RoundUpToPowerOf2((uint)spec.Window) : 0;
        var features = new List<PlannedFeature>();
        for (int c = 0; c < spec.Channels.Count; c++)
        {
            foreach (string declared in spec.Channels[c].Features ?? [])
            {
                features.Add(ParseFeature(names[c], c, declared, spec.Window, rates[c], fftSize));
            }
        }

        var derived = new List<PlannedDerived>();
        foreach (DerivedFeature d in spec.Derived ?? [])
        {
            derived.Add(ParseDerived(d, names));
        }

        return new FeaturePlan(spec, names, features, derived, rates, fftSize);
    }

    private static PlannedDerived ParseDerived(DerivedFeature d, List<string> channels)
    {
        if (string.IsNullOrWhiteSpace(d.Name))
        {
            throw new FeatureSpecException(null, null, "a derived value has no name.");
        }

        if (d.Operation is not ("product" or "difference"))
        {
            throw new FeatureSpecException(null, d.Name, $"derived operation '{d.Operation}' is unknown; 'product' and 'difference' are supported.");
        }

        int a = channels.IndexOf(d.A);
        int b = channels.IndexOf(d.B);
        if (a < 0 || b < 0)
        {
            throw new FeatureSpecException(a < 0 ? d.A : d.B, d.Name, "the derived value reads a channel the spec does not list.");
        }

        if (!double.IsFinite(d.Scale))
        {
            throw new FeatureSpecException(null, d.Name, $"the scale {d.Scale} is not a finite number.");
        }

        return new PlannedDerived(d.Name, d.Operation == "product", a, b, d.Scale);
    }
}
