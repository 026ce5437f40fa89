using System.Collections.Concurrent;
using EdgeAgent.Alerting.Board;
using EdgeAgent.Alerting.Decisions;
using EdgeAgent.Storage;
using static EdgeAgent.Alerting.Tests.AlertingHarness;

namespace EdgeAgent.Alerting.Tests;

public sealed class AlertBoardTests : IDisposable
{
    private readonly AlertingHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Acknowledge_ThroughTheLifecycle_ReturnsEachResultAndPersistsEachState()
    {
        EdgeStore store = _h.OpenStore();
        AlertBoard board = _h.NewBoard(store);
        var changes = new List<AlertChange>();
        board.Changed += changes.Add;

        Alert raised = board.Raise("wear", AlertSeverity.Critical, "score 9 above 3")!;
        Assert.Equal((AlertState.Raised, _h.Clock.GetUtcNow()), (store.GetAlert(raised.Id)!.State, store.GetAlert(raised.Id)!.RaisedAt));

        _h.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(AcknowledgeResult.Acknowledged, board.Acknowledge(raised.Id, "maria"));
        Assert.Equal(AcknowledgeResult.AlreadyAcknowledged, board.Acknowledge(raised.Id, "joe"));
        Assert.Equal(AcknowledgeResult.NotFound, board.Acknowledge(raised.Id + 1000, "joe"));
        Alert acknowledged = Assert.Single(board.Open);
        Assert.Equal((AlertState.Acknowledged, _h.Clock.GetUtcNow()), (acknowledged.State, acknowledged.AcknowledgedAt));
        Assert.Equal(acknowledged, store.GetAlert(raised.Id));

        Assert.True(board.Clear("wear", "value back to normal"));
        Assert.False(board.Clear("wear"));
        Assert.Equal(AcknowledgeResult.AlreadyCleared, board.Acknowledge(raised.Id, "joe"));
        Assert.Empty(board.Open);
        Assert.Equal(AlertState.Cleared, store.GetAlert(raised.Id)!.State);

        Assert.Equal(
            [(AlertChangeKind.Raised, null), (AlertChangeKind.Acknowledged, "maria"), (AlertChangeKind.Cleared, null)],
            changes.Select(c => (c.Kind, c.Actor)));
        Assert.All(changes, c => Assert.Equal(raised.Id, c.Alert.Id));
        Assert.Contains("maria", Assert.Single(_h.Logged(5001)).Message, StringComparison.Ordinal);
        Assert.Contains("value back to normal", Assert.Single(_h.Logged(5002)).Message, StringComparison.Ordinal);
        LogEntryAssert.Raised(_h, "wear", "score 9 above 3");
    }

    [Fact]
    public void Raise_RuleAlreadyOpen_RaisesNothingUntilItClears()
    {
        EdgeStore store = _h.OpenStore();
        AlertBoard board = _h.NewBoard(store);
        long first = board.Raise("wear", AlertSeverity.Warning, "one")!.Id;
        board.Acknowledge(first, "maria");

        Assert.Null(board.Raise("wear", AlertSeverity.Warning, "two"));
        Assert.Null(board.Raise("wear", AlertSeverity.Critical, "three"));
        Assert.NotNull(board.Raise("heat", AlertSeverity.Warning, "other rule"));
        Assert.Equal(2, store.CountAlerts());

        board.Clear("wear");
        Alert? again = board.Raise("wear", AlertSeverity.Warning, "four");

        Assert.NotNull(again);
        Assert.NotEqual(first, again.Id);
        Assert.Equal(["heat", "wear"], board.Open.Select(a => a.Rule));
        Assert.Equal(3, store.CountAlerts());
    }

    [Fact]
    public void Constructor_SameStoreFileAfterRestart_RestoresOpenAlertsAndRaisesNoDuplicate()
    {
        var rule = TestRules.Above("wear", raiseAt: 3, clearAt: 2);
        EdgeStore before = _h.OpenStore();
        AlertBoard boardBefore = _h.NewBoard(before);
        DecisionEngine engineBefore = _h.NewEngine(boardBefore, rule);
        engineBefore.Evaluate([5f], T0);
        long acknowledged = boardBefore.Raise("other", AlertSeverity.Info, "seen")!.Id;
        boardBefore.Acknowledge(acknowledged, "maria");
        long id = boardBefore.GetOpen("wear")!.Id;
        boardBefore.Dispose();
        before.Dispose();

        EdgeStore after = _h.OpenStore();
        AlertBoard board = _h.NewBoard(after);
        DecisionEngine engine = _h.NewEngine(board, rule);

        Assert.Equal([(id, AlertState.Raised), (acknowledged, AlertState.Acknowledged)], board.Open.Select(a => (a.Id, a.State)));
        Assert.Contains("2 open alert(s) restored", Assert.Single(_h.Logged(5003)).Message, StringComparison.Ordinal);
        Assert.Equal(RuleState.Raised, engine.GetStatus()[0].State);
        for (int i = 1; i < 20; i++)
        {
            engine.Evaluate([5f], T0.AddSeconds(i));
        }

        Assert.Equal(2, after.CountAlerts());
        engine.Evaluate([1f], T0.AddSeconds(30));
        engine.Evaluate([5f], T0.AddSeconds(31));
        Alert fresh = board.GetOpen("wear")!;
        Assert.NotEqual(id, fresh.Id);
        Assert.Equal(AlertState.Cleared, after.GetAlert(id)!.State);
        Assert.Equal(3, after.CountAlerts());
    }

    [Fact]
    public void Evaluate_StoreFull_KeepsTheAlertInMemoryAndWritesItOnceThereIsRoom()
    {
        EdgeStore store = _h.OpenStore(o => o.MaxPageCount = 32);
        AlertBoard board = _h.NewBoard(store);
        DecisionEngine engine = _h.NewEngine(board, TestRules.Above("wear", raiseAt: 3, clearAt: 2));
        List<long> filler = FillUntilFull(store);

        engine.Evaluate([5f], T0);

        Alert inMemory = Assert.Single(board.Open);
        Assert.True(inMemory.Id < 0, $"expected a temporary id, got {inMemory.Id}");
        Assert.Equal((1, false), (board.PendingWrites, board.StoreHealthy));
        Assert.IsType<StoreFullException>(Assert.Single(_h.Logged(5005)).Exception);
        Assert.Equal(AcknowledgeResult.Acknowledged, board.Acknowledge(inMemory.Id, "maria"));
        _h.Clock.Advance(AlertBoard.RetryInterval);
        Assert.Equal(1, board.PendingWrites);

        // the broker takes the queued messages: retention may now drop them, and the retry finds room
        foreach (long id in filler)
        {
            Assert.True(store.MarkOutboxSent(id));
        }

        _h.Clock.Advance(AlertBoard.RetryInterval);

        Assert.Equal((0, true), (board.PendingWrites, board.StoreHealthy));
        Alert written = Assert.Single(board.Open);
        Assert.True(written.Id > 0);
        Alert stored = store.GetAlert(written.Id)!;
        Assert.Equal(("wear", AlertState.Acknowledged, inMemory.Text), (stored.Rule, stored.State, stored.Text));
        Assert.Equal(AcknowledgeResult.AlreadyAcknowledged, board.Acknowledge(inMemory.Id, "joe"));
        Assert.Single(_h.Logged(5006));
        engine.Evaluate([1f], T0.AddSeconds(1));
        Assert.Equal(AlertState.Cleared, store.GetAlert(written.Id)!.State);
    }

    [Fact]
    public void Evaluate_StoreDisposedUnderTheBoard_NeverThrowsAndKeepsTheAlertsInMemory()
    {
        EdgeStore store = _h.OpenStore();
        AlertBoard board = _h.NewBoard(store);
        DecisionEngine engine = _h.NewEngine(
            board,
            TestRules.Above("wear", raiseAt: 3, clearAt: 2),
            TestRules.Above("wear-critical", raiseAt: 6, clearAt: 5, severity: AlertSeverity.Critical));
        var changes = new List<AlertChange>();
        board.Changed += changes.Add;
        store.Dispose();

        engine.Evaluate([7f], T0);
        long id = board.GetOpen("wear")!.Id;
        Assert.Equal(AcknowledgeResult.Acknowledged, board.Acknowledge(id, "maria"));
        engine.Evaluate([4f], T0.AddSeconds(1));
        Assert.False(board.RetryPendingWrites());

        Assert.Equal([("wear", AlertState.Acknowledged)], board.Open.Select(a => (a.Rule, a.State)));
        Assert.All(changes, c => Assert.True(c.Alert.Id < 0));
        Assert.Equal(
            [AlertChangeKind.Raised, AlertChangeKind.Raised, AlertChangeKind.Acknowledged, AlertChangeKind.Cleared],
            changes.Select(c => c.Kind));
        Assert.Equal((2, false), (board.PendingWrites, board.StoreHealthy));
        Assert.IsType<ObjectDisposedException>(Assert.Single(_h.Logged(5005)).Exception);
    }

    [Fact]
    public void Changed_HandlerThrows_OtherHandlersRunAndTheChangeStands()
    {
        AlertBoard board = _h.NewBoard(_h.OpenStore());
        var seen = new List<AlertChangeKind>();
        board.Changed += _ => throw new InvalidOperationException("page went away");
        board.Changed += c => seen.Add(c.Kind);

        Alert? alert = board.Raise("wear", AlertSeverity.Warning, "text");

        Assert.NotNull(alert);
        Assert.Equal([AlertChangeKind.Raised], seen);
        Assert.Single(board.Open);
        Assert.Contains("page went away", Assert.Single(_h.Logged(5007)).Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledge_FromSeveralThreadsWhileEvaluating_NoExceptionAndConsistentState()
    {
        EdgeStore store = _h.OpenStore();
        AlertBoard board = _h.NewBoard(store);
        DecisionEngine engine = _h.NewEngine(
            board,
            ["score", "rul"],
            TestRules.Above("score-warning", raiseAt: 3, clearAt: 2),
            TestRules.Above("score-critical", raiseAt: 6, clearAt: 5, severity: AlertSeverity.Critical),
            TestRules.Below("rul-low", raiseAt: 10, clearAt: 20));
        var changes = new ConcurrentQueue<AlertChange>();
        board.Changed += changes.Enqueue;
        int acknowledgedByCallers = 0;
        using var done = new CancellationTokenSource();
        using var operatorsRunning = new CountdownEvent(3);

        // at least 300 windows, and on until 20 acknowledgements have raced them (bounded, should the machine be slow)
        Task evaluator = Task.Run(() =>
        {
            try
            {
                if (!operatorsRunning.Wait(TimeSpan.FromSeconds(30)))
                {
                    throw new TimeoutException("the operator threads did not start");
                }

                for (int i = 0; i < 20_000 && (i < 300 || Volatile.Read(ref acknowledgedByCallers) < 20); i++)
                {
                    float score = (i % 7) switch { 0 or 1 => 7f, 2 or 3 => 4f, _ => 1f };
                    float rul = i % 5 < 2 ? 5f : 30f;
                    engine.Evaluate([score, rul], T0.AddSeconds(i));
                }
            }
            finally
            {
                done.Cancel();
            }
        });
        Task[] operators = [.. Enumerable.Range(0, 3).Select(n => Task.Run(() =>
        {
            operatorsRunning.Signal();
            while (!done.IsCancellationRequested)
            {
                foreach (Alert alert in board.Open)
                {
                    if (board.Acknowledge(alert.Id, $"operator-{n}") == AcknowledgeResult.Acknowledged)
                    {
                        Interlocked.Increment(ref acknowledgedByCallers);
                    }
                }

                Thread.Yield();
            }
        }))];

        Task all = Task.WhenAll([evaluator, .. operators]);
        Assert.Same(all, await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(60))));
        await all; // rethrows what any thread threw

        Assert.Equal(board.Open.Select(a => (a.Id, a.State)), store.GetOpenAlerts().Select(a => (a.Id, a.State)));
        Assert.Equal(board.Open.Count, board.Open.Select(a => a.Rule).Distinct().Count());
        Assert.Equal(0, board.PendingWrites);
        Assert.Equal(acknowledgedByCallers, changes.Count(c => c.Kind == AlertChangeKind.Acknowledged));
        Assert.True(acknowledgedByCallers >= 20, $"only {acknowledgedByCallers} acknowledgements raced the evaluator");
        Assert.Equal(store.CountAlerts(), changes.Count(c => c.Kind == AlertChangeKind.Raised));
        foreach (IGrouping<long, AlertChange> alert in changes.GroupBy(c => c.Alert.Id))
        {
            AlertChangeKind[] kinds = [.. alert.Select(c => c.Kind)];
            Assert.True(IsLifecycle(kinds), $"alert {alert.Key} went {string.Join(" -> ", kinds)}");
            Alert stored = store.GetAlert(alert.Key)!;
            Assert.Equal(alert.Last().Alert.State, stored.State);
        }
    }

    /// <summary>Raised, then at most one acknowledgement, then at most one clearing, in that order.</summary>
    private static bool IsLifecycle(AlertChangeKind[] kinds) =>
        kinds is [AlertChangeKind.Raised]
            or [AlertChangeKind.Raised, AlertChangeKind.Acknowledged]
            or [AlertChangeKind.Raised, AlertChangeKind.Cleared]
            or [AlertChangeKind.Raised, AlertChangeKind.Acknowledged, AlertChangeKind.Cleared];

    /// <summary>
    /// Fills the store up to its page limit with unsent outbox messages (which retention never drops), then with open alerts
    /// of shrinking size until not even a one-letter alert fits. Returns the messages' ids.
    /// </summary>
    private static List<long> FillUntilFull(EdgeStore store)
    {
        var queued = new List<long>();
        for (int i = 0; i < 1000; i++)
        {
            try
            {
                queued.Add(store.Enqueue("filler", new byte[3000]).Id);
            }
            catch (StoreFullException)
            {
                break;
            }
        }

        foreach (int length in new[] { 2000, 200, 20, 1 })
        {
            for (int i = 0; i < 10_000; i++)
            {
                try
                {
                    store.RaiseAlert("filler", AlertSeverity.Info, new string('x', length));
                }
                catch (StoreFullException)
                {
                    break;
                }
            }
        }

        Assert.Throws<StoreFullException>(() => store.RaiseAlert("probe", AlertSeverity.Info, "x"));
        Assert.NotEmpty(queued);
        return queued;
    }
}
