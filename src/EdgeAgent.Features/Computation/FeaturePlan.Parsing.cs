using System.Globalization;

namespace EdgeAgent.Features.Computation;

/// <summary>Parsing of one declared feature kind.</summary>
public sealed partial class FeaturePlan
{
    private static readonly Dictionary<string, FeatureKind> Plain = new(StringComparer.Ordinal)
    {
        ["value"] = FeatureKind.Value,
        ["last"] = FeatureKind.Last,
        ["mean"] = FeatureKind.Mean,
        ["std"] = FeatureKind.Std,
        ["min"] = FeatureKind.Min,
        ["max"] = FeatureKind.Max,
        ["rms"] = FeatureKind.Rms,
        ["peak"] = FeatureKind.Peak,
        ["peak_to_peak"] = FeatureKind.PeakToPeak,
        ["crest"] = FeatureKind.Crest,
        ["kurtosis"] = FeatureKind.Kurtosis,
        ["skewness"] = FeatureKind.Skewness,
        ["slope"] = FeatureKind.Slope,
    };

    private static PlannedFeature ParseFeature(string channel, int channelIndex, string declared, int window, double? sampleRate, int fftSize)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            throw new FeatureSpecException(channel, declared, "the feature is empty.");
        }

        int colon = declared.IndexOf(':', StringComparison.Ordinal);
        string name = colon < 0 ? declared : declared[..colon];
        string? argument = colon < 0 ? null : declared[(colon + 1)..];
        var feature = new PlannedFeature { Channel = channel, ChannelIndex = channelIndex, Declared = declared, Kind = FeatureKind.Value };
        if (Plain.TryGetValue(name, out FeatureKind kind))
        {
            if (argument is not null)
            {
                throw new FeatureSpecException(channel, declared, $"'{name}' takes no parameter.");
            }

            if (kind == FeatureKind.Slope && window < 2)
            {
                throw new FeatureSpecException(channel, declared, $"a slope needs a window of at least 2 samples, not {window}.");
            }

            return feature with { Kind = kind };
        }

        switch (name)
        {
            case "ewma":
            {
                double alpha = Number(channel, declared, argument, "ewma:ALPHA");
                return alpha is > 0 and <= 1
                    ? feature with { Kind = FeatureKind.Ewma, Parameter = alpha }
                    : throw new FeatureSpecException(channel, declared, $"ALPHA must satisfy 0 < ALPHA <= 1, not {argument}.");
            }

            case "recent_mean":
            {
                double k = Number(channel, declared, argument, "recent_mean:K");
                return k >= 1 && k <= window && k == Math.Floor(k)
                    ? feature with { Kind = FeatureKind.RecentMean, Parameter = k }
                    : throw new FeatureSpecException(channel, declared, $"K must be a whole number from 1 to the window ({window}), not {argument}.");
            }

            case "band_energy":
                return Band(feature, argument, window, sampleRate, fftSize);
            default:
                throw new FeatureSpecException(channel, declared, $"'{name}' is not a feature kind this agent computes; it computes {string.Join(", ", SupportedKinds)}.");
        }
    }

    private static PlannedFeature Band(PlannedFeature feature, string? argument, int window, double? sampleRate, int fftSize)
    {
        string channel = feature.Channel;
        string declared = feature.Declared;
        string[] edges = (argument ?? string.Empty).Split('-');
        if (edges.Length != 2
            || !double.TryParse(edges[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double low)
            || !double.TryParse(edges[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double high))
        {
            throw new FeatureSpecException(channel, declared, "write a band as band_energy:LO-HI with LO and HI in Hz, e.g. band_energy:10-50.");
        }

        if (sampleRate is not { } rate)
        {
            throw new FeatureSpecException(channel, declared, "a band energy needs the channel's sample rate, and none was given for this channel.");
        }

        if (!double.IsFinite(rate) || rate <= 0)
        {
            throw new FeatureSpecException(channel, declared, $"the channel's sample rate {rate} Hz is not a positive number.");
        }

        double nyquist = rate / 2;
        if (!double.IsFinite(low) || !double.IsFinite(high) || low < 0 || high <= low || high > nyquist)
        {
            throw new FeatureSpecException(channel, declared, FormattableString.Invariant($"the band must satisfy 0 <= LO < HI <= {nyquist} Hz (half the {rate} Hz sample rate)."));
        }

        // Bin k lies at k·fs/N; the band takes LO <= f < HI, and the Nyquist bin when HI is the Nyquist frequency.
        const double Tolerance = 1e-9;
        int lowBin = (int)Math.Ceiling((low * fftSize / rate) - Tolerance);
        int highBin = high >= nyquist ? fftSize / 2 : (int)Math.Ceiling((high * fftSize / rate) - Tolerance) - 1;
        if (highBin < lowBin)
        {
            throw new FeatureSpecException(channel, declared, FormattableString.Invariant(
                $"the band holds no FFT bin: a window of {window} samples (FFT of {fftSize}) at {rate} Hz resolves {rate / fftSize} Hz."));
        }

        return feature with { Kind = FeatureKind.BandEnergy, LowHz = low, HighHz = high, LowBin = lowBin, HighBin = highBin };
    }

    private static double Number(string channel, string declared, string? argument, string syntax) =>
        argument is not null && double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new FeatureSpecException(channel, declared, $"write it as {syntax}.");
}
