using System.Text.RegularExpressions;

namespace EdgeAgent.Packaging;

/// <summary>Checks a manifest on its own and against its model and profile; reports every problem at once.</summary>
internal static partial class PackageValidator
{
    private static readonly string[] Tasks = ["rul", "anomaly"];
    private static readonly string[] Severities = ["info", "warning", "critical"];
    private static readonly string[] Directions = ["above", "below"];
    private static readonly string[] Precisions = ["float32", "int8-qdq"];

    public static void Validate(PackageManifest m, byte[] model, ReferenceProfile profile, string source)
    {
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Check(m.Format == PackageManifest.FormatName, $"format is '{m.Format}', not '{PackageManifest.FormatName}'");
        Check(m.FormatVersion == PackageManifest.CurrentFormatVersion, $"formatVersion {m.FormatVersion} is not supported (this agent reads {PackageManifest.CurrentFormatVersion})");
        Check(NamePattern().IsMatch(m.Name ?? ""), $"name '{m.Name}' must be 1-64 lower-case letters, digits, '-', '_' or '.'");
        Check(PackageVersion.TryParse(m.Version, out _), $"version '{m.Version}' must be major.minor.patch");
        Check(Tasks.Contains(m.Task), $"task '{m.Task}' must be one of {string.Join(", ", Tasks)}");
        Check(Precisions.Contains(m.Model?.Precision), $"model.precision '{m.Model?.Precision}' must be one of {string.Join(", ", Precisions)}");
        CheckFeatures(m.Features, Check);
        CheckAlerts(m, Check);
        if (errors.Count == 0)
        {
            CheckModel(m, model, source, Check);
            CheckProfile(m.Features, profile, Check);
        }

        if (errors.Count > 0)
        {
            throw new PackageException($"{source}: the package is refused: {string.Join("; ", errors)}.");
        }
    }

    private static void CheckFeatures(FeatureSpec? f, Action<bool, string> check)
    {
        if (f is null)
        {
            check(false, "features are missing");
            return;
        }

        check(f.Window >= 1, $"features.window is {f.Window}; it must be at least 1");
        check(f.Hop >= 1, $"features.hop is {f.Hop}; it must be at least 1");
        check(f.Padding is "none" or "repeat-first", $"features.padding '{f.Padding}' must be 'none' or 'repeat-first'");
        check(f.Channels.Count > 0, "features.channels is empty");
        var operands = f.Derived.SelectMany(d => new[] { d.A, d.B }).ToHashSet(StringComparer.Ordinal);
        foreach (var channel in f.Channels)
        {
            check(channel.Features.Count > 0 || operands.Contains(channel.Name), $"channel '{channel.Name}' asks for no features and feeds no derived value");
            foreach (string kind in channel.Features)
            {
                check(FeatureKinds.IsValid(kind, f.Window), $"channel '{channel.Name}' asks for feature '{kind}', which is unknown or has a bad parameter for a window of {f.Window} (known: {string.Join(", ", FeatureKinds.All.Keys)})");
            }
        }

        var channels = f.Channels.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var derived in f.Derived)
        {
            check(FeatureKinds.DerivedOperations.Contains(derived.Operation), $"derived feature '{derived.Name}' has unknown operation '{derived.Operation}'");
            check(channels.Contains(derived.A) && channels.Contains(derived.B), $"derived feature '{derived.Name}' uses channels '{derived.A}' and '{derived.B}', not all of which are declared");
        }
    }

    private static void CheckAlerts(PackageManifest m, Action<bool, string> check)
    {
        foreach (var alert in m.Alerts)
        {
            check(m.Outputs.Any(o => o.Name == alert.Output), $"alert on '{alert.Output}' names no declared output");
            check(Directions.Contains(alert.Direction), $"alert on '{alert.Output}' has direction '{alert.Direction}'; it must be above or below");
            check(Severities.Contains(alert.Severity), $"alert on '{alert.Output}' has severity '{alert.Severity}'; it must be one of {string.Join(", ", Severities)}");
            check(double.IsFinite(alert.Threshold), $"alert on '{alert.Output}' has a threshold that is not a finite number");
        }
    }

    private static void CheckModel(PackageManifest m, byte[] model, string source, Action<bool, string> check)
    {
        var (inputs, outputs) = OnnxSignature.Read(model, source);
        Compare("input", m.Inputs, inputs, check);
        Compare("output", m.Outputs, outputs, check);
        if (m.Inputs.Count > 0 && m.Inputs[0].Shape.Count > 0 && long.TryParse(m.Inputs[0].Shape[^1], out long width))
        {
            check(width == m.Features.Width, $"input '{m.Inputs[0].Name}' takes {width} values per window but the feature spec yields {m.Features.Width}");
        }
    }

    private static void Compare(string kind, IReadOnlyList<PackageTensor> declared, IReadOnlyList<PackageTensor> actual, Action<bool, string> check)
    {
        string Describe(IReadOnlyList<PackageTensor> list) => string.Join(", ", list.Select(t => $"{t.Name} {t.ElementType} [{string.Join(", ", t.Shape)}]"));
        bool same = declared.Count == actual.Count && declared.Zip(actual).All(p =>
            p.First.Name == p.Second.Name &&
            p.First.ElementType == p.Second.ElementType &&
            p.First.Shape.Count == p.Second.Shape.Count &&
            p.First.Shape.Zip(p.Second.Shape).All(d => OnnxSignature.SameDimension(d.First, d.Second)));
        check(same, $"the manifest declares {kind}s ({Describe(declared)}) but the model has ({Describe(actual)})");
    }

    private static void CheckProfile(FeatureSpec f, ReferenceProfile? profile, Action<bool, string> check)
    {
        if (profile is null)
        {
            check(false, "the reference profile is missing");
            return;
        }

        string[] expected = [.. f.ValueNames];
        string[] actual = [.. profile.Features.Select(p => p.Name)];
        check(expected.SequenceEqual(actual), $"the reference profile covers ({string.Join(", ", actual)}) but the features are ({string.Join(", ", expected)})");
        foreach (var value in profile.Features.Concat(profile.Outputs))
        {
            check(value.Quantiles.Count == ReferenceProfile.QuantileLevels.Count, $"profile of '{value.Name}' has {value.Quantiles.Count} quantiles, not {ReferenceProfile.QuantileLevels.Count}");
            check(value.BinEdges.Count == value.BinCounts.Count + 1, $"profile of '{value.Name}' has {value.BinEdges.Count} bin edges for {value.BinCounts.Count} bins");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}
