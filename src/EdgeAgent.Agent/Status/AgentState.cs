using EdgeAgent.LocalPage;

namespace EdgeAgent.Agent.Status;

/// <summary>
/// What the agent is doing now, written by its parts and read by the local page and the watchdog. Thread-safe:
/// each field is replaced whole.
/// </summary>
public sealed class AgentState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PartHealth> _parts = new(StringComparer.Ordinal);

    public AgentState(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        StartedAt = time.GetUtcNow();
    }

    public DateTimeOffset StartedAt { get; }

    public string? ModelName { get; set; }

    public string? ModelVersion { get; set; }

    public string? ModelTask { get; set; }

    public string? ScoreOutput { get; set; }

    public double? WarningThreshold { get; set; }

    public string SourceName { get; set; } = "";

    public string SourceState { get; set; } = "starting";

    public string? SourceError { get; set; }

    public long SourceRows { get; set; }

    public DateTimeOffset? LastPredictionAt { get; set; }

    public double? LastScore { get; set; }

    /// <summary>Reports a part's health (sensor, store, page, GPIO …); the latest report wins.</summary>
    public void SetPart(string name, bool healthy, string detail)
    {
        lock (_gate)
        {
            _parts[name] = new PartHealth(name, healthy, detail);
        }
    }

    public IReadOnlyList<PartHealth> Parts
    {
        get
        {
            lock (_gate)
            {
                return [.. _parts.Values.OrderBy(p => p.Name, StringComparer.Ordinal)];
            }
        }
    }
}
