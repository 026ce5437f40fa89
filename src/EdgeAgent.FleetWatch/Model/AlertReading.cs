namespace EdgeAgent.FleetWatch.Model;

/// <summary>One alert of a device as its latest message gave it.</summary>
/// <param name="State"><c>raised</c>, <c>acknowledged</c> or <c>cleared</c>.</param>
/// <param name="Severity"><c>info</c>, <c>warning</c> or <c>critical</c> (kept as sent).</param>
/// <param name="Rule">The rule that raised it.</param>
/// <param name="Mark">The message it came in, to ignore repeats and late arrivals.</param>
internal sealed record AlertReading(string State, string Severity, string Rule, MessageMark Mark)
{
    /// <summary>Not cleared yet (raised or acknowledged), as the device's store counts an alert open.</summary>
    public bool IsOpen => State != AlertStates.Cleared;
}

/// <summary>The alert states of the wire format.</summary>
internal static class AlertStates
{
    public const string Raised = "raised";
    public const string Acknowledged = "acknowledged";
    public const string Cleared = "cleared";
}
