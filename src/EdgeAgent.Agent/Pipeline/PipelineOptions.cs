using EdgeAgent.Features.Quality;

namespace EdgeAgent.Agent.Pipeline;

/// <summary>How the pipeline reads, writes and recovers. Bound from the <c>Pipeline</c> section.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>Rows read from the source at a time. Default 1024. Range 1 to 1,048,576.</summary>
    public int BlockRows { get; set; } = 1024;

    /// <summary>Longest a prediction waits in memory before it is committed to the store. Default 1 s. Range 10 ms to 1 min.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Predictions that trigger a commit before <see cref="FlushInterval"/>. Default 256. Range 1 to 100,000.</summary>
    public int FlushRows { get; set; } = 256;

    /// <summary>
    /// Most predictions held in memory while the store cannot take them (a full disk); beyond it the oldest are
    /// dropped and counted. Default 200,000. Range 1,000 to 10,000,000.
    /// </summary>
    public int MaxPendingPredictions { get; set; } = 200_000;

    /// <summary>How often sample-quality counters are added to the store. Default 10 s. Range 100 ms to 1 h.</summary>
    public TimeSpan QualityFlushInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before a failed source is opened again; it doubles per failure. Default 1 s. Range 10 ms to 1 h.</summary>
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts to reopen a failed source. Default 1 min. At least <see cref="RestartDelay"/>.</summary>
    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Stop the agent when a finite source (a replay without loop) ends. Default false: keep serving the page.</summary>
    public bool StopWhenSourceEnds { get; set; }

    /// <summary>Sample-quality limits by channel name (range, stuck count, expected period, repair policy).</summary>
    public Dictionary<string, SampleQualityOptions> Quality { get; set; } = new(StringComparer.Ordinal);
}
