namespace EdgeAgent.Agent.Demo;

/// <summary>What the demo saw, for the summary and for tests.</summary>
public sealed class DemoReport
{
    private readonly List<DemoScore> _scores = [];
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string RuntimeVersion { get; internal set; } = "";

    public IReadOnlyList<string> AvailableProviders { get; internal set; } = [];

    public IReadOnlyList<string> ExecutionProviders { get; internal set; } = [];

    public float Threshold { get; internal set; }

    public int? FirstAnomalyWindow { get; internal set; }

    public IReadOnlyList<DemoScore> Scores
    {
        get
        {
            lock (_scores)
            {
                return [.. _scores];
            }
        }
    }

    /// <summary>Completes when the demo has scored its last window (or failed).</summary>
    public Task Completed => _completed.Task;

    internal void Add(DemoScore score)
    {
        lock (_scores)
        {
            _scores.Add(score);
        }
    }

    internal void Complete(Exception? error = null)
    {
        if (error is null)
        {
            _completed.TrySetResult();
        }
        else
        {
            _completed.TrySetException(error);
        }
    }
}

/// <summary>One scored window.</summary>
public sealed record DemoScore(int Window, float Score, bool Anomaly, bool FaultActive);
