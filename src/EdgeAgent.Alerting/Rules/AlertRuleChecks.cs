using EdgeAgent.Storage;
using static EdgeAgent.Alerting.OptionsText;

namespace EdgeAgent.Alerting.Rules;

/// <summary>The checks on one rule, shared by the options validator, <see cref="AlertRules.Resolve"/> and the decision engine.</summary>
internal static class AlertRuleChecks
{
    public const int MaxNameLength = 64;

    /// <summary>The longest <see cref="AlertRuleOptions.RaiseAfter"/> or <see cref="AlertRuleOptions.ClearAfter"/>.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

    /// <summary>
    /// Adds a message for each bad setting of the rule at <paramref name="path"/> (<c>Decisions:Rules:0</c>). With
    /// <paramref name="resolved"/>, the optional settings must have been filled in.
    /// </summary>
    public static void Collect(AlertRuleOptions? rule, string path, bool resolved, List<string> errors)
    {
        if (rule is null)
        {
            errors.Add($"{path} is empty.");
            return;
        }

        if (string.IsNullOrWhiteSpace(rule.Name))
        {
            errors.Add($"{path}:Name is empty; every rule needs a name, which identifies its alert across restarts.");
        }
        else if (!IsValidName(rule.Name))
        {
            errors.Add(Invariant($"{path}:Name '{rule.Name}' is not a rule name; use at most {MaxNameLength} letters, digits, '.', '-' and '_'."));
        }

        if (string.IsNullOrWhiteSpace(rule.Output))
        {
            errors.Add($"{path}:Output is empty; it must name a scalar model output such as 'score'.");
        }

        bool directionKnown = Enum.IsDefined(rule.Direction);
        if (!directionKnown)
        {
            errors.Add($"{path}:Direction is {rule.Direction}; it must be Above or Below.");
        }

        bool raiseKnown = double.IsFinite(rule.RaiseAt);
        if (!raiseKnown)
        {
            errors.Add($"{path}:RaiseAt is {Number(rule.RaiseAt)}; it must be set to a finite number.");
        }

        if (rule.ClearAt is { } clear)
        {
            if (!double.IsFinite(clear))
            {
                errors.Add($"{path}:ClearAt is {Number(clear)}; when set it must be a finite number.");
            }
            else if (raiseKnown && directionKnown && rule.Direction == AlertDirection.Above && clear > rule.RaiseAt)
            {
                errors.Add($"{path}:ClearAt is {Number(clear)}; for Direction Above it must be at most RaiseAt ({Number(rule.RaiseAt)}), so that the value has to fall back before the alert clears.");
            }
            else if (raiseKnown && directionKnown && rule.Direction == AlertDirection.Below && clear < rule.RaiseAt)
            {
                errors.Add($"{path}:ClearAt is {Number(clear)}; for Direction Below it must be at least RaiseAt ({Number(rule.RaiseAt)}), so that the value has to rise back before the alert clears.");
            }
        }
        else if (resolved)
        {
            errors.Add($"{path}:ClearAt is not set; resolve rules with AlertRules.Resolve, which fills it from Decisions:DefaultHysteresis.");
        }

        CheckDuration(rule.RaiseAfter, $"{path}:RaiseAfter", "Decisions:DefaultRaiseAfter", resolved, errors);
        CheckDuration(rule.ClearAfter, $"{path}:ClearAfter", "Decisions:DefaultClearAfter", resolved, errors);

        if (!Enum.IsDefined(rule.Severity))
        {
            errors.Add($"{path}:Severity is {rule.Severity}; it must be Info, Warning or Critical.");
        }

        if (rule.Text is { } text && AlertText.FirstUnknownPlaceholder(text) is { } unknown)
        {
            errors.Add($"{path}:Text has the unknown placeholder '{{{unknown}}}'; the known ones are {AlertText.PlaceholderList}.");
        }
    }

    /// <summary>Checks a duration setting in 0 to 1 day; unset is an error only for a resolved rule.</summary>
    public static void CheckDuration(TimeSpan? value, string path, string defaultSetting, bool resolved, List<string> errors)
    {
        if (value is { } d)
        {
            if (d < TimeSpan.Zero || d > MaxDuration)
            {
                errors.Add(Invariant($"{path} is {d}; it must be between 0 and 1 day."));
            }
        }
        else if (resolved)
        {
            errors.Add($"{path} is not set; resolve rules with AlertRules.Resolve, which fills it from {defaultSetting}.");
        }
    }

    /// <summary>Letters, digits, '.', '-' and '_', 1 to <see cref="MaxNameLength"/> characters.</summary>
    public static bool IsValidName(string name)
    {
        if (name.Length is 0 or > MaxNameLength)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The default clear threshold: <paramref name="raiseAt"/> moved towards the good side by <paramref name="hysteresis"/> of its magnitude.</summary>
    public static double DefaultClearAt(double raiseAt, AlertDirection direction, double hysteresis)
    {
        double band = Math.Abs(raiseAt) * hysteresis;
        return direction == AlertDirection.Above ? raiseAt - band : raiseAt + band;
    }

    /// <summary>The lower-case word for a direction in text: <c>above</c> or <c>below</c>.</summary>
    public static string Word(AlertDirection direction) => direction == AlertDirection.Above ? "above" : "below";

    /// <summary>Parses a manifest's <c>info</c>/<c>warning</c>/<c>critical</c>.</summary>
    public static bool TryParseSeverity(string? text, out AlertSeverity severity)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "INFO":
                severity = AlertSeverity.Info;
                return true;
            case "WARNING":
                severity = AlertSeverity.Warning;
                return true;
            case "CRITICAL":
                severity = AlertSeverity.Critical;
                return true;
            default:
                severity = default;
                return false;
        }
    }

    /// <summary>Parses a manifest's <c>above</c>/<c>below</c>.</summary>
    public static bool TryParseDirection(string? text, out AlertDirection direction)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "ABOVE":
                direction = AlertDirection.Above;
                return true;
            case "BELOW":
                direction = AlertDirection.Below;
                return true;
            default:
                direction = default;
                return false;
        }
    }
}
