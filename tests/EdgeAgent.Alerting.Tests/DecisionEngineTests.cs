using EdgeAgent.Alerting.Board;
using EdgeAgent.Alerting.Decisions;
using EdgeAgent.Alerting.Rules;
using EdgeAgent.Storage;
using static EdgeAgent.Alerting.Tests.AlertingHarness;

namespace EdgeAgent.Alerting.Tests;

public sealed class DecisionEngineTests : IDisposable
{
    private readonly AlertingHarness _h = new();
    private readonly EdgeStore _store;
    private readonly AlertBoard _board;
    private readonly List<AlertChange> _changes = [];

    public DecisionEngineTests()
    {
        _store = _h.OpenStore();
        _board = _h.NewBoard(_store);
        _board.Changed += _changes.Add;
    }

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Evaluate_ValueOscillatesBetweenClearAtAndRaiseAt_RaisesOnceAndNeverFlaps()
    {
        DecisionEngine engine = _h.NewEngine(_board, TestRules.Above("wear", raiseAt: 3, clearAt: 2));
        float[] band = [2.1f, 2.9f, 2.5f, 2.99f, 2.01f];

        for (int i = 0; i < 50; i++)
        {
            engine.Evaluate([band[i % band.Length]], T0.AddSeconds(i));
        }

        Assert.Empty(_changes);
        engine.Evaluate([3.5f], T0.AddSeconds(50));
        for (int i = 51; i < 200; i++)
        {
            engine.Evaluate([band[i % band.Length]], T0.AddSeconds(i));
        }

        Assert.Equal([AlertChangeKind.Raised], _changes.Select(c => c.Kind));
        Assert.Equal("wear", Assert.Single(_board.Open).Rule);
        Assert.Equal(1, _store.CountAlerts());
        Assert.Equal(RuleState.Raised, Assert.Single(engine.GetStatus()).State);
    }

    [Fact]
    public void Evaluate_SpikeShorterThanRaiseAfter_RaisesNothing()
    {
        DecisionEngine engine = _h.NewEngine(_board, TestRules.Above("wear", raiseAt: 3, clearAt: 2, raiseAfterSeconds: 2));

        // hot at 0.0, 0.5, 1.0, 1.5 s: held 1.5 s, short of 2 s; then the value falls back
        for (int i = 0; i < 4; i++)
        {
            engine.Evaluate([5f], T0.AddSeconds(i * 0.5));
        }

        engine.Evaluate([1f], T0.AddSeconds(2));
        engine.Evaluate([5f], T0.AddSeconds(2.5));
        engine.Evaluate([5f], T0.AddSeconds(4.0));

        Assert.Empty(_changes);
        Assert.Equal(0, _store.CountAlerts());
        RuleStatus status = Assert.Single(engine.GetStatus());
        Assert.Equal((RuleState.Pending, T0.AddSeconds(2.5)), (status.State, status.Since));
    }

    [Fact]
    public void Evaluate_ValueBetweenThresholdsWhilePending_InterruptsTheRaise()
    {
        DecisionEngine engine = _h.NewEngine(_board, TestRules.Above("wear", raiseAt: 3, clearAt: 2, raiseAfterSeconds: 2));

        engine.Evaluate([5f], T0);
        engine.Evaluate([2.5f], T0.AddSeconds(1));
        engine.Evaluate([5f], T0.AddSeconds(2));
        engine.Evaluate([5f], T0.AddSeconds(3));

        Assert.Empty(_changes);
        engine.Evaluate([5f], T0.AddSeconds(4));
        Assert.Single(_changes);
    }

    [Fact]
    public void Evaluate_ConditionHeldForRaiseAfter_RaisesExactlyOnceAtThatTimeWithTheNumbers()
    {
        DecisionEngine engine = _h.NewEngine(_board, TestRules.Above("bearing-warning", raiseAt: 3.17, clearAt: 2.85, raiseAfterSeconds: 2));
        var raisedAt = new List<double>();

        for (int i = 0; i <= 40; i++)
        {
            double seconds = i * 0.5;
            int before = _changes.Count;
            engine.Evaluate([4.21f], T0.AddSeconds(seconds));
            if (_changes.Count > before)
            {
                raisedAt.Add(seconds);
            }
        }

        Assert.Equal([2.0], raisedAt);
        Alert alert = Assert.Single(_board.Open);
        Assert.Equal("score 4.21 above 3.17 for 2.0 s (rule bearing-warning)", alert.Text);
        Assert.Equal((AlertSeverity.Warning, AlertState.Raised), (alert.Severity, alert.State));
        Assert.Equal(alert, _store.GetAlert(alert.Id));
        LogEntryAssert.Raised(_h, "bearing-warning", alert.Text);
    }

    [Fact]
    public void Evaluate_ValuePastClearAtForClearAfter_ClearsOnceAndAGapRestartsTheWait()
    {
        DecisionEngine engine = _h.NewEngine(_board, TestRules.Above("wear", raiseAt: 3, clearAt: 2, clearAfterSeconds: 5));
        engine.Evaluate([4f], T0);
        long id = Assert.Single(_board.Open).Id;

        engine.Evaluate([1f], T0.AddSeconds(1));
        engine.Evaluate([1f], T0.AddSeconds(5));
        engine.Evaluate([2.5f], T0.AddSeconds(5.5)); // back in the band: the clear must start over
        engine.Evaluate([1f], T0.AddSeconds(6));
        engine.Evaluate([1f], T0.AddSeconds(10.9));
        Assert.Single(_board.Open);

        engine.Evaluate([1f], T0.AddSeconds(11));
        engine.Evaluate([1f], T0.AddSeconds(30));

        Assert.Equal([AlertChangeKind.Raised, AlertChangeKind.Cleared], _changes.Select(c => c.Kind));
        Assert.Empty(_board.Open);
        Assert.Equal(AlertState.Cleared, _store.GetAlert(id)!.State);
        Assert.Contains("wear", Assert.Single(_h.Logged(5002)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BelowDirection_RaisesWhenTheValueFallsAndClearsWhenItRisesPastClearAt()
    {
        DecisionEngine engine = _h.NewEngine(_board, ["rul"], TestRules.Below("rul-low", raiseAt: 50, clearAt: 60, raiseAfterSeconds: 1, severity: AlertSeverity.Critical));

        engine.Evaluate([80f], T0);
        engine.Evaluate([49f], T0.AddSeconds(1));
        engine.Evaluate([45f], T0.AddSeconds(2));
        Alert raised = Assert.Single(_board.Open);
        Assert.Equal("rul 45 below 50 for 1.0 s (rule rul-low)", raised.Text);

        engine.Evaluate([55f], T0.AddSeconds(3)); // in the band: stays raised
        engine.Evaluate([59.9f], T0.AddSeconds(4));
        Assert.Single(_board.Open);

        engine.Evaluate([61f], T0.AddSeconds(5));
        Assert.Empty(_board.Open);
        Assert.Equal([AlertChangeKind.Raised, AlertChangeKind.Cleared], _changes.Select(c => c.Kind));
        Assert.Equal(AlertSeverity.Critical, raised.Severity);
    }

    [Fact]
    public void Evaluate_TwoRulesOnOneOutput_EachRaisesAndClearsItsOwnAlert()
    {
        DecisionEngine engine = _h.NewEngine(
            _board,
            TestRules.Above("score-warning", raiseAt: 3, clearAt: 2.7),
            TestRules.Above("score-critical", raiseAt: 6, clearAt: 5.4, severity: AlertSeverity.Critical));

        engine.Evaluate([4f], T0);
        Assert.Equal(["score-warning"], _board.Open.Select(a => a.Rule));

        engine.Evaluate([7f], T0.AddSeconds(1));
        Assert.Equal(
            [("score-warning", AlertSeverity.Warning), ("score-critical", AlertSeverity.Critical)],
            _board.Open.Select(a => (a.Rule, a.Severity)));

        engine.Evaluate([4f], T0.AddSeconds(2));
        Assert.Equal(["score-warning"], _board.Open.Select(a => a.Rule));

        engine.Evaluate([1f], T0.AddSeconds(3));
        Assert.Empty(_board.Open);
        Assert.Equal(2, _store.CountAlerts());
    }

    [Fact]
    public void Evaluate_NonFiniteValues_AreCountedAndNeitherRaiseNorClear()
    {
        DecisionEngine engine = _h.NewEngine(
            _board,
            ["score", "rul"],
            TestRules.Above("score-warning", raiseAt: 3, clearAt: 2),
            TestRules.Above("score-critical", raiseAt: 6, clearAt: 5),
            TestRules.Below("rul-low", raiseAt: 10, clearAt: 20));

        engine.Evaluate([float.NaN, float.PositiveInfinity], T0);
        engine.Evaluate([float.NegativeInfinity, 50f], T0.AddSeconds(1));
        Assert.Empty(_changes);

        engine.Evaluate([4f, 50f], T0.AddSeconds(2));
        for (int i = 3; i < 10; i++)
        {
            engine.Evaluate([float.NaN, 50f], T0.AddSeconds(i));
        }

        Assert.Equal(["score-warning"], _board.Open.Select(a => a.Rule));
        Assert.Equal((10L, 9L, 1L), (engine.NonFiniteValues, engine.GetNonFiniteCount("score"), engine.GetNonFiniteCount("rul")));

        // the first is logged at once, the rest at most once a minute
        Assert.Single(_h.Logged(5023));
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        engine.Evaluate([float.NaN, 50f], T0.AddSeconds(10));
        Assert.Equal(2, _h.Logged(5023).Count);
        Assert.Contains("11 non-finite", _h.Logged(5023)[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NaNWhilePending_KeepsTheStartSoTheNextValueStillCounts()
    {
        DecisionEngine engine = _h.NewEngine(_board, TestRules.Above("wear", raiseAt: 3, clearAt: 2, raiseAfterSeconds: 2));

        engine.Evaluate([5f], T0);
        engine.Evaluate([float.NaN], T0.AddSeconds(1));
        Assert.Equal(RuleState.Pending, Assert.Single(engine.GetStatus()).State);
        engine.Evaluate([5f], T0.AddSeconds(2));

        Assert.Single(_board.Open);
    }

    [Fact]
    public void Evaluate_WindowTimeGoesBack_RestartsThePendingWait()
    {
        DecisionEngine engine = _h.NewEngine(_board, TestRules.Above("wear", raiseAt: 3, clearAt: 2, raiseAfterSeconds: 2));

        engine.Evaluate([5f], T0.AddSeconds(100));
        engine.Evaluate([5f], T0.AddSeconds(10));
        engine.Evaluate([5f], T0.AddSeconds(11));
        Assert.Empty(_board.Open);

        engine.Evaluate([5f], T0.AddSeconds(12));
        Assert.Single(_board.Open);
    }

    [Fact]
    public void Evaluate_RuleWithTextTemplate_FillsThePlaceholders()
    {
        AlertRuleOptions rule = TestRules.Above("pump", raiseAt: 3.5, clearAt: 3, raiseAfterSeconds: 1.5, severity: AlertSeverity.Critical);
        rule.Text = "Pump {severity}: {output}={value} {direction} {threshold} (clears under {clearAt}) for {duration} s [{rule}]";
        DecisionEngine engine = _h.NewEngine(_board, rule);

        engine.Evaluate([4f], T0);
        engine.Evaluate([4.5f], T0.AddSeconds(1.5));

        Assert.Equal("Pump critical: score=4.5 above 3.5 (clears under 3) for 1.5 s [pump]", Assert.Single(_board.Open).Text);
    }

    [Fact]
    public void Evaluate_WrongNumberOfValues_ThrowsNamingTheOutputs()
    {
        DecisionEngine engine = _h.NewEngine(_board, ["score", "rul"], TestRules.Above("wear", 3, 2));

        var ex = Assert.Throws<ArgumentException>(() => engine.Evaluate([1f], T0));

        Assert.Contains("2 output values (score, rul), got 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RuleOutputMissing_ThrowsNamingTheRuleAndTheOutputs()
    {
        var ex = Assert.Throws<AlertRuleException>(() =>
            _h.NewEngine(_board, ["score", "y"], TestRules.Below("life", raiseAt: 20, clearAt: 30, output: "rul")));

        Assert.Contains("Rule 'life' watches output 'rul', which is not among the model's outputs (score, y)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnresolvedOrDuplicateRules_ThrowsNamingEachProblem()
    {
        AlertRuleOptions unresolved = TestRules.Above("a", 3, 2);
        unresolved.ClearAt = null;
        unresolved.RaiseAfter = null;

        var ex = Assert.Throws<AlertRuleException>(() => _h.NewEngine(_board, unresolved, TestRules.Above("b", 3, 2), TestRules.Above("B", 4, 2)));

        Assert.Contains("Rule 0 ('a'):ClearAt is not set", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Rule 0 ('a'):RaiseAfter is not set", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Rule 2 ('B'): another rule has the name 'B'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RuleAlertOpenOnBoard_StartsRaisedAndClearsThatAlert()
    {
        long id = _board.Raise("wear", AlertSeverity.Warning, "from before")!.Id;
        _board.Raise("retired-rule", AlertSeverity.Info, "rule no longer configured");

        DecisionEngine engine = _h.NewEngine(_board, TestRules.Above("wear", raiseAt: 3, clearAt: 2));

        Assert.Equal(RuleState.Raised, Assert.Single(engine.GetStatus()).State);
        Assert.Contains("retired-rule", Assert.Single(_h.Logged(5022)).Message, StringComparison.Ordinal);
        engine.Evaluate([5f], T0);
        Assert.Equal(2, _store.CountAlerts());
        engine.Evaluate([1f], T0.AddSeconds(1));
        Assert.Equal(AlertState.Cleared, _store.GetAlert(id)!.State);
    }

    [Fact]
    public void Evaluate_SteadyState_AllocatesNothing()
    {
        DecisionEngine engine = _h.NewEngine(
            _board,
            ["score", "rul", "other"],
            TestRules.Above("normal", raiseAt: 100, clearAt: 90),
            TestRules.Above("pending", raiseAt: 1, clearAt: 0.5, raiseAfterSeconds: 86_400),
            TestRules.Above("raised", raiseAt: 2, clearAt: 1.5),
            TestRules.Below("clearing", raiseAt: 10, clearAt: 20, clearAfterSeconds: 86_400, output: "rul"));
        float[] raise = [3f, 5f, 0f];
        float[] steady = [3f, 25f, 0f];
        engine.Evaluate(raise, T0);
        engine.Evaluate(steady, T0.AddSeconds(1));
        Assert.Equal(
            [RuleState.Normal, RuleState.Pending, RuleState.Raised, RuleState.Clearing],
            engine.GetStatus().Select(s => s.State));

        // windows 100 ms apart: 120,000 of them stay well inside the pending and clearing rules' 1 day, so no transition is due
        EvaluateMany(engine, steady, firstSecond: 2, count: 20_000);
        long allocated = EvaluateMany(engine, steady, firstSecond: 2_002, count: 100_000);

        Assert.Equal(0, allocated);
        Assert.Equal(
            [RuleState.Normal, RuleState.Pending, RuleState.Raised, RuleState.Clearing],
            engine.GetStatus().Select(s => s.State));
    }

    /// <summary>Evaluates <paramref name="values"/> every 100 ms from <paramref name="firstSecond"/>; returns the bytes this thread allocated meanwhile.</summary>
    private static long EvaluateMany(DecisionEngine engine, float[] values, int firstSecond, int count)
    {
        DateTimeOffset first = T0.AddSeconds(firstSecond);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < count; i++)
        {
            engine.Evaluate(values, first.AddTicks(i * TimeSpan.TicksPerMillisecond * 100L));
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
