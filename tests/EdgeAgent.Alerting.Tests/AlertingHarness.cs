using EdgeAgent.Alerting.Board;
using EdgeAgent.Alerting.Decisions;
using EdgeAgent.Alerting.Rules;
using EdgeAgent.Storage;
using EdgeAgent.TestKit;

namespace EdgeAgent.Alerting.Tests;

/// <summary>
/// A real SQLite store in a temporary folder, a manual clock, a log, and the board and engines on them.
/// Disposing it disposes what it made, then removes the folder.
/// </summary>
internal sealed class AlertingHarness : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public AlertingHarness()
    {
        Folder = Directory.CreateTempSubdirectory("edgeagent-alerting-").FullName;
        DbPath = Path.Combine(Folder, "store.db");
    }

    public string Folder { get; }

    public string DbPath { get; }

    /// <summary>The window times the tests feed start here; the board's clock too.</summary>
    public static DateTimeOffset T0 { get; } = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public ManualTimeProvider Clock { get; } = new(T0);

    public ListLogger Logger { get; } = new();

    public EdgeStore OpenStore(Action<StoreOptions>? change = null)
    {
        var options = new StoreOptions { Path = DbPath, Durability = StoreDurability.Normal };
        change?.Invoke(options);
        return Own(EdgeStore.Open(options, Clock, new TypedLogger<EdgeStore>(Logger)));
    }

    public AlertBoard NewBoard(EdgeStore store) => Own(new AlertBoard(store, Clock, new TypedLogger<AlertBoard>(Logger)));

    public DecisionEngine NewEngine(AlertBoard board, params AlertRuleOptions[] rules) =>
        NewEngine(board, ["score"], rules);

    public DecisionEngine NewEngine(AlertBoard board, IReadOnlyList<string> outputs, params AlertRuleOptions[] rules) =>
        new(rules, outputs, board, Clock, new TypedLogger<DecisionEngine>(Logger));

    /// <summary>The log entries with this event id.</summary>
    public IReadOnlyList<LogEntry> Logged(int eventId) => [.. Logger.Entries.Where(e => e.EventId.Id == eventId)];

    public T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open; the OS cleans the temp folder later
        }
    }
}
