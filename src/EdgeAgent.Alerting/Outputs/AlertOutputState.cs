using EdgeAgent.Storage;

namespace EdgeAgent.Alerting.Outputs;

/// <summary>One alert output as it is now, for the local page.</summary>
/// <param name="Name">What it is and for which severity, such as <c>lamp.warning</c> or <c>buzzer.critical</c>.</param>
/// <param name="Severity">The severity it shows.</param>
/// <param name="Line">The GPIO line offset.</param>
/// <param name="On">Whether it is switched on (whatever the electrical level, see ActiveLow).</param>
/// <param name="Healthy">False when the last attempt to switch it failed.</param>
/// <param name="Error">Why it failed, when it did.</param>
public sealed record AlertOutputState(string Name, AlertSeverity Severity, int Line, bool On, bool Healthy, string? Error);
