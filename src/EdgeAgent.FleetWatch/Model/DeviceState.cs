namespace EdgeAgent.FleetWatch.Model;

/// <summary>What the fleet view has folded so far for one device. Guarded by the view's lock.</summary>
internal sealed class DeviceState(string device)
{
    private static readonly string[] SeverityOrder = ["critical", "warning", "info"];

    public string Device { get; } = device;

    public Presence Presence { get; set; }

    public MessageMark? StatusMark { get; set; }

    public string? AgentVersion { get; set; }

    public string? Model { get; set; }

    public string? ModelVersion { get; set; }

    public string? ModelState { get; set; }

    public string? Health { get; set; }

    public DateTimeOffset? LastSeen { get; private set; }

    public DriftReading? Drift { get; set; }

    public MessageMark? DriftMark { get; set; }

    public Dictionary<long, AlertReading> Alerts { get; } = [];

    public int Malformed { get; private set; }

    public string? LastProblem { get; private set; }

    /// <summary>Moves last seen forward to <paramref name="at"/> (never back: retained and late messages carry older times).</summary>
    public void Seen(DateTimeOffset? at)
    {
        if (at is { } time && (LastSeen is not { } seen || time > seen))
        {
            LastSeen = time;
        }
    }

    public void CountMalformed(string stream, string problem)
    {
        Malformed++;
        LastProblem = $"{stream}: {problem}";
    }

    /// <param name="now">The view's clock.</param>
    /// <param name="watchedSince">When the view started: silence before it is not judged, as a retained online status means the broker still holds the link.</param>
    /// <param name="offlineAfter">How long an online device may be silent.</param>
    public DeviceRow ToRow(DateTimeOffset now, DateTimeOffset watchedSince, TimeSpan offlineAfter)
    {
        DateTimeOffset heard = LastSeen is { } seen && seen > watchedSince ? seen : watchedSince;
        Presence presence = Presence == Presence.Online && now - heard > offlineAfter ? Presence.Silent : Presence;
        AlertReading[] open = [.. Alerts.Values.Where(a => a.IsOpen)];
        string? worst = SeverityOrder.FirstOrDefault(s => open.Any(a => string.Equals(a.Severity, s, StringComparison.OrdinalIgnoreCase)))
            ?? open.Select(a => a.Severity).Order(StringComparer.Ordinal).FirstOrDefault();
        return new DeviceRow(
            Device,
            presence,
            AgentVersion,
            Model,
            ModelVersion,
            ModelState,
            Health,
            LastSeen,
            Drift,
            open.Length,
            open.Count(a => a.State == AlertStates.Acknowledged),
            worst,
            Malformed,
            LastProblem);
    }
}
