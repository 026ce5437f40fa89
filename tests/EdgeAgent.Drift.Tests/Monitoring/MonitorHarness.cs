using EdgeAgent.Drift.Calibration;
using EdgeAgent.Drift.Monitoring;
using EdgeAgent.Drift.Tests.Support;
using EdgeAgent.Packaging;
using EdgeAgent.TestKit;

namespace EdgeAgent.Drift.Tests.Monitoring;

/// <summary>A monitor on the synthetic stream's profile, with a manual clock and a captured log.</summary>
internal sealed class MonitorHarness
{
    private static readonly ReferenceProfile Profile = SyntheticStream.Profile();
    private static readonly Lazy<DriftReference> DefaultReference = new(() => DriftReference.Create(Profile, SyntheticStream.Names, new DriftOptions()));

    private readonly float[] _features = new float[SyntheticStream.Width];
    private readonly float[] _outputs = new float[1];

    public MonitorHarness(DriftOptions? options = null)
    {
        Reference = options is null ? DefaultReference.Value : DriftReference.Create(Profile, SyntheticStream.Names, options);
        Monitor = new DriftMonitor(Reference, Time, new TypedLogger<DriftMonitor>(Log));
    }

    public ManualTimeProvider Time { get; } = new();

    public ListLogger Log { get; } = new();

    public DriftReference Reference { get; }

    public DriftMonitor Monitor { get; }

    public List<DriftVerdict> Verdicts { get; } = [];

    public IEnumerable<LogEntry> Logged(int eventId) => Log.Entries.Where(e => e.EventId.Id == eventId);

    /// <summary>Feeds <paramref name="windows"/> windows of <paramref name="stream"/>, a second apart; returns the verdicts they gave.</summary>
    public List<DriftVerdict> Feed(SyntheticStream stream, int windows, Action<float[]>? alter = null)
    {
        var verdicts = new List<DriftVerdict>();
        for (int i = 0; i < windows; i++)
        {
            stream.Next(_features, _outputs);
            alter?.Invoke(_features);
            Time.Advance(TimeSpan.FromSeconds(1));
            if (Monitor.Observe(_features, _outputs) is { } verdict)
            {
                verdicts.Add(verdict);
            }
        }

        Verdicts.AddRange(verdicts);
        return verdicts;
    }

    /// <summary>Feeds windows until a verdict matches (at most <paramref name="limit"/>); the verdict and the stream's window then.</summary>
    public (DriftVerdict? Verdict, int Window) FeedUntil(SyntheticStream stream, Func<DriftVerdict, bool> match, int limit)
    {
        for (int i = 0; i < limit; i++)
        {
            stream.Next(_features, _outputs);
            Time.Advance(TimeSpan.FromSeconds(1));
            if (Monitor.Observe(_features, _outputs) is { } verdict)
            {
                Verdicts.Add(verdict);
                if (match(verdict))
                {
                    return (verdict, stream.Window);
                }
            }
        }

        return (null, stream.Window);
    }
}
