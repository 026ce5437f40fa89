using EdgeAgent.Alerting.Rules;
using EdgeAgent.Storage;

namespace EdgeAgent.Alerting.Tests;

/// <summary>Fully resolved rules, as AlertRules.Resolve makes them, for feeding an engine directly.</summary>
internal static class TestRules
{
    public static AlertRuleOptions Above(string name, double raiseAt, double clearAt, double raiseAfterSeconds = 0, double clearAfterSeconds = 0, AlertSeverity severity = AlertSeverity.Warning, string output = "score") =>
        Rule(name, output, AlertDirection.Above, raiseAt, clearAt, raiseAfterSeconds, clearAfterSeconds, severity);

    public static AlertRuleOptions Below(string name, double raiseAt, double clearAt, double raiseAfterSeconds = 0, double clearAfterSeconds = 0, AlertSeverity severity = AlertSeverity.Warning, string output = "rul") =>
        Rule(name, output, AlertDirection.Below, raiseAt, clearAt, raiseAfterSeconds, clearAfterSeconds, severity);

    private static AlertRuleOptions Rule(string name, string output, AlertDirection direction, double raiseAt, double clearAt, double raiseAfter, double clearAfter, AlertSeverity severity) => new()
    {
        Name = name,
        Output = output,
        Direction = direction,
        RaiseAt = raiseAt,
        ClearAt = clearAt,
        RaiseAfter = TimeSpan.FromSeconds(raiseAfter),
        ClearAfter = TimeSpan.FromSeconds(clearAfter),
        Severity = severity,
    };
}
