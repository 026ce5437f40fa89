using Microsoft.Extensions.Options;
using static EdgeAgent.Alerting.OptionsText;

namespace EdgeAgent.Alerting.Rules;

/// <summary>Checks <see cref="DecisionOptions"/> and names each bad setting (<c>Decisions:Rules:0:ClearAt</c> and so on).</summary>
public sealed class DecisionOptionsValidator : IValidateOptions<DecisionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DecisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Collect(options, errors);
        return Result(errors);
    }

    /// <summary>Adds a message for each bad setting of <paramref name="o"/>.</summary>
    internal static void Collect(DecisionOptions o, List<string> errors)
    {
        const string s = DecisionOptions.SectionName;
        if (!double.IsFinite(o.DefaultHysteresis) || o.DefaultHysteresis < 0 || o.DefaultHysteresis >= 1)
        {
            errors.Add($"{s}:DefaultHysteresis is {Number(o.DefaultHysteresis)}; it must be 0 or more and below 1 (a fraction of the threshold, such as 0.1).");
        }

        AlertRuleChecks.CheckDuration(o.DefaultRaiseAfter, $"{s}:DefaultRaiseAfter", "", resolved: false, errors);
        AlertRuleChecks.CheckDuration(o.DefaultClearAfter, $"{s}:DefaultClearAfter", "", resolved: false, errors);

        if (o.Rules is null)
        {
            errors.Add($"{s}:Rules is missing.");
            return;
        }

        var firstByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < o.Rules.Count; i++)
        {
            AlertRuleOptions? rule = o.Rules[i];
            AlertRuleChecks.Collect(rule, $"{s}:Rules:{i}", resolved: false, errors);
            if (rule is not null && !string.IsNullOrWhiteSpace(rule.Name) && !firstByName.TryAdd(rule.Name, i))
            {
                errors.Add(Invariant($"{s}:Rules:{i}:Name '{rule.Name}' is also the name of {s}:Rules:{firstByName[rule.Name]}; rule names must be unique (ignoring case)."));
            }
        }
    }
}
