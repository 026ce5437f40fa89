using EdgeAgent.Packaging;
using EdgeAgent.Storage;
using static EdgeAgent.Alerting.OptionsText;

namespace EdgeAgent.Alerting.Rules;

/// <summary>Turns a model package's alert thresholds and the configured rules into the rules a <see cref="Decisions.DecisionEngine"/> runs.</summary>
public static class AlertRules
{
    /// <summary>
    /// The effective rules for a model: the package's alert thresholds (when <see cref="DecisionOptions.UsePackageRules"/>),
    /// named <c>output-severity</c>, then the configured rules, each with every unset setting filled from the defaults.
    /// The options are not changed.
    /// </summary>
    /// <exception cref="AlertRuleException">
    /// A setting is out of range, two rules share a name, or a rule watches an output the model does not have or one with more
    /// than one value per window; the message names each rule and lists the model's outputs.
    /// </exception>
    public static IReadOnlyList<AlertRuleOptions> Resolve(PackageManifest manifest, DecisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        DecisionOptionsValidator.Collect(options, errors);
        ThrowIfAny(manifest, errors);

        var rules = new List<(AlertRuleOptions Rule, string Origin)>();
        if (options.UsePackageRules)
        {
            AddPackageRules(manifest, options, rules, errors);
        }

        for (int i = 0; i < options.Rules.Count; i++)
        {
            AlertRuleOptions rule = options.Rules[i].Clone();
            rule.ClearAt ??= AlertRuleChecks.DefaultClearAt(rule.RaiseAt, rule.Direction, options.DefaultHysteresis);
            rule.RaiseAfter ??= options.DefaultRaiseAfter;
            rule.ClearAfter ??= options.DefaultClearAfter;
            rules.Add((rule, Invariant($"{DecisionOptions.SectionName}:Rules:{i}")));
        }

        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((AlertRuleOptions rule, string origin) in rules)
        {
            if (!seen.TryAdd(rule.Name, origin))
            {
                errors.Add($"Rule '{rule.Name}' ({origin}) has the same name as the rule from {seen[rule.Name]}; rename it, or set {DecisionOptions.SectionName}:UsePackageRules to false to replace the package's rules.");
            }

            CheckOutput(manifest, rule, origin, errors);
            AlertRuleChecks.Collect(rule, origin, resolved: true, errors);
        }

        ThrowIfAny(manifest, errors);
        return [.. rules.Select(r => r.Rule)];
    }

    /// <summary>Whether a tensor has one value per window: shape <c>[batch]</c> or <c>[batch, 1]</c>.</summary>
    public static bool IsScalar(PackageTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return tensor.Shape.Count == 1 || (tensor.Shape.Count == 2 && tensor.Shape[1] == "1");
    }

    private static void AddPackageRules(PackageManifest manifest, DecisionOptions options, List<(AlertRuleOptions, string)> rules, List<string> errors)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < manifest.Alerts.Count; i++)
        {
            AlertThreshold alert = manifest.Alerts[i];
            string origin = Invariant($"the package's alert {i} ({alert.Output} {alert.Direction} {alert.Threshold})");
            bool ok = true;
            if (!AlertRuleChecks.TryParseDirection(alert.Direction, out AlertDirection direction))
            {
                errors.Add($"{Capitalised(origin)} has direction '{alert.Direction}'; it must be above or below.");
                ok = false;
            }

            if (!AlertRuleChecks.TryParseSeverity(alert.Severity, out AlertSeverity severity))
            {
                errors.Add($"{Capitalised(origin)} has severity '{alert.Severity}'; it must be info, warning or critical.");
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            string name = $"{alert.Output}-{severity.ToString().ToLowerInvariant()}";
            for (int n = 2; !names.Add(name); n++)
            {
                name = Invariant($"{alert.Output}-{severity.ToString().ToLowerInvariant()}-{n}");
            }

            rules.Add((new AlertRuleOptions
            {
                Name = name,
                Output = alert.Output,
                Direction = direction,
                RaiseAt = alert.Threshold,
                ClearAt = AlertRuleChecks.DefaultClearAt(alert.Threshold, direction, options.DefaultHysteresis),
                RaiseAfter = options.DefaultRaiseAfter,
                ClearAfter = options.DefaultClearAfter,
                Severity = severity,
            }, origin));
        }
    }

    private static void CheckOutput(PackageManifest manifest, AlertRuleOptions rule, string origin, List<string> errors)
    {
        PackageTensor? output = manifest.Outputs.FirstOrDefault(o => string.Equals(o.Name, rule.Output, StringComparison.Ordinal));
        if (output is null)
        {
            errors.Add($"Rule '{rule.Name}' ({origin}) watches output '{rule.Output}', which model {manifest.Name} {manifest.Version} does not have; its outputs are: {Describe(manifest.Outputs)}.");
        }
        else if (!IsScalar(output))
        {
            errors.Add($"Rule '{rule.Name}' ({origin}) watches output '{rule.Output}' of shape [{string.Join(", ", output.Shape)}]; a rule needs one value per window (shape [batch] or [batch, 1]). The model's outputs are: {Describe(manifest.Outputs)}.");
        }
    }

    private static string Describe(IReadOnlyList<PackageTensor> outputs) =>
        outputs.Count == 0 ? "(none)" : string.Join(", ", outputs.Select(o => $"{o.Name} [{string.Join(", ", o.Shape)}]"));

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static void ThrowIfAny(PackageManifest manifest, List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new AlertRuleException($"Alert rules for model {manifest.Name} {manifest.Version} refused: {string.Join(" ", errors)}");
        }
    }
}
