namespace EdgeAgent.FleetWatch.Model;

/// <summary>One device as the fleet view shows it at one moment; null fields are unknown.</summary>
internal sealed record DeviceRow(
    string Device,
    Presence Presence,
    string? AgentVersion,
    string? Model,
    string? ModelVersion,
    string? ModelState,
    string? Health,
    DateTimeOffset? LastSeen,
    DriftReading? Drift,
    int OpenAlerts,
    int AcknowledgedAlerts,
    string? WorstOpenSeverity,
    int Malformed,
    string? LastProblem);
