using System.Globalization;
using EdgeAgent.ModelKit.Training.Features;
using EdgeAgent.Packaging;
using TrainingDerived = EdgeAgent.ModelKit.Training.Anomaly.DerivedFeature;

namespace EdgeAgent.ModelKit.Packaging;

/// <summary>Turns the training side's feature definitions into a package's feature spec and back.</summary>
public static class FeatureSpecMapper
{
    /// <summary>A window spec (RUL): channels in order of first use, each with its statistics.</summary>
    public static FeatureSpec FromWindows(WindowFeatureSpec spec, string stepUnit, Func<string, string> unitsOf)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var channels = new List<ChannelFeatures>();
        foreach (WindowFeature feature in spec.Features)
        {
            if (channels.Count == 0 || channels[^1].Name != feature.Channel)
            {
                if (channels.Any(c => c.Name == feature.Channel))
                {
                    throw new ArgumentException($"Channel '{feature.Channel}' appears in two places; a package lists each channel's features together.", nameof(spec));
                }

                channels.Add(new ChannelFeatures(feature.Channel, unitsOf(feature.Channel), []));
            }

            channels[^1] = channels[^1] with { Features = [.. channels[^1].Features, Kind(feature)] };
        }

        return new FeatureSpec
        {
            Window = spec.WindowLength,
            Hop = spec.Hop,
            StepUnit = stepUnit,
            Padding = spec.Padding == ShortWindowPadding.RepeatFirst ? "repeat-first" : "none",
            Channels = channels,
        };
    }

    /// <summary>The window spec a package's features describe.</summary>
    public static WindowFeatureSpec ToWindows(FeatureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new WindowFeatureSpec
        {
            WindowLength = spec.Window,
            Hop = spec.Hop,
            Padding = spec.Padding == "repeat-first" ? ShortWindowPadding.RepeatFirst
                : throw new NotSupportedException($"The model kit pads short windows only by repeating the first sample, not '{spec.Padding}'."),
            Features = [.. spec.Channels.SelectMany(c => c.Features.Select(k => Feature(c.Name, k)))],
        };
    }

    /// <summary>Row-at-a-time columns (anomaly): each column's latest value, then derived values.</summary>
    public static FeatureSpec FromColumns(IReadOnlyList<string> columns, IReadOnlyList<TrainingDerived> derived, Func<string, string> unitsOf) => new()
    {
        Window = 1,
        Hop = 1,
        StepUnit = "rows",
        Channels =
        [
            .. columns.Select(c => new ChannelFeatures(c, unitsOf(c), ["value"])),
            .. derived.SelectMany(d => new[] { d.Left, d.Right }).Distinct(StringComparer.Ordinal)
                .Where(operand => !columns.Contains(operand, StringComparer.Ordinal))
                .Select(operand => new ChannelFeatures(operand, unitsOf(operand), [])),
        ],
        Derived = [.. derived.Select(d => new EdgeAgent.Packaging.DerivedFeature(
            d.Name,
            d.Operation == Training.Anomaly.DerivedOperation.Product ? "product" : "difference",
            d.Left,
            d.Right,
            d.Factor,
            unitsOf(d.Name)))],
    };

    /// <summary>The training side's derived features of a package's spec.</summary>
    public static IReadOnlyList<TrainingDerived> DerivedOf(FeatureSpec spec) =>
        [.. spec.Derived.Select(d => new TrainingDerived(
            d.Name,
            d.Operation == "product" ? Training.Anomaly.DerivedOperation.Product : Training.Anomaly.DerivedOperation.Difference,
            d.A,
            d.B,
            d.Scale))];

    private static string Kind(WindowFeature f) => f.Statistic is WindowStatistic.Ewma or WindowStatistic.RecentMean
        ? FormattableString.Invariant($"{f.Key}:{f.Parameter}")
        : f.Key;

    private static WindowFeature Feature(string channel, string kind)
    {
        string[] parts = kind.Split(':');
        double parameter = parts.Length == 2 ? double.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        WindowStatistic statistic = parts[0] switch
        {
            "mean" => WindowStatistic.Mean,
            "std" => WindowStatistic.StandardDeviation,
            "min" => WindowStatistic.Min,
            "max" => WindowStatistic.Max,
            "last" or "value" => WindowStatistic.Last,
            "slope" => WindowStatistic.Slope,
            "ewma" => WindowStatistic.Ewma,
            "recent_mean" => WindowStatistic.RecentMean,
            _ => throw new NotSupportedException($"The model kit cannot compute feature '{kind}' of channel '{channel}'."),
        };
        return new WindowFeature(channel, statistic, parameter);
    }
}
