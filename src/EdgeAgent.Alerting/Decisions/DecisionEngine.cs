using System.Globalization;
using EdgeAgent.Alerting.Board;
using EdgeAgent.Alerting.Rules;
using EdgeAgent.Storage;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Alerting.Decisions;

/// <summary>
/// Decides on each window's scalar model outputs with one state machine per rule:
/// <c>Normal → Pending</c> when the value reaches RaiseAt, <c>→ Raised</c> (alert raised on the <see cref="AlertBoard"/>)
/// once it has stayed there for RaiseAfter, <c>→ Clearing</c> when it gets past ClearAt, <c>→ Normal</c> (alert cleared)
/// once it has stayed past ClearAt for ClearAfter.
/// </summary>
/// <remarks>
/// <para>
/// Durations are measured on the windows' own times (<c>at</c>), so a replay at any speed decides as it would live.
/// Pending and Clearing need their condition to hold at every window: a value that falls back interrupts them.
/// A value between ClearAt and RaiseAt (the hysteresis band) neither raises nor clears, so a value wavering there does not
/// make the alert flap. A NaN or infinite value is no evidence: it changes no state and is counted.
/// </para>
/// <para>
/// Rules whose alert is open on the board when the engine is made (a restart, a model update) start Raised.
/// <see cref="Evaluate"/> is called from one thread at a time; in steady state (no transition) it allocates nothing.
/// </para>
/// </remarks>
public sealed class DecisionEngine
{
    private static readonly TimeSpan NonFiniteLogInterval = TimeSpan.FromMinutes(1);

    private readonly RuleSlot[] _slots;
    private readonly string[] _outputNames;
    private readonly int[] _watchedOutputs;
    private readonly long[] _nonFinite;
    private readonly AlertBoard _board;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _nonFiniteTotal;
    private long _lastNonFiniteLog;

    /// <summary>Creates the engine for <paramref name="rules"/> (as resolved by <see cref="AlertRules.Resolve"/>).</summary>
    /// <param name="rules">The rules, every setting filled in; they are copied.</param>
    /// <param name="outputNames">The names of the values <see cref="Evaluate"/> receives, in order.</param>
    /// <param name="board">Where alerts are raised and cleared.</param>
    /// <param name="time">The clock that paces the log of non-finite values.</param>
    /// <param name="logger">The log.</param>
    /// <exception cref="AlertRuleException">A rule watches an output not in <paramref name="outputNames"/>, two rules share a name, or a setting is unset or out of range.</exception>
    public DecisionEngine(IReadOnlyList<AlertRuleOptions> rules, IReadOnlyList<string> outputNames, AlertBoard board, TimeProvider time, ILogger<DecisionEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(outputNames);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _board = board;
        _time = time;
        _logger = logger;
        _outputNames = [.. outputNames];
        _nonFinite = new long[_outputNames.Length];
        _slots = Compile(rules, _outputNames);
        _watchedOutputs = [.. _slots.Select(s => s.Output).Distinct().Order()];
        _lastNonFiniteLog = long.MinValue;

        Log.EngineStarted(_logger, _slots.Length, string.Join("; ", _slots.Select(s => Describe(s.Rule))));
        StartFromBoard();
    }

    /// <summary>The names of the outputs <see cref="Evaluate"/> receives, in order.</summary>
    public IReadOnlyList<string> OutputNames => _outputNames;

    /// <summary>The rules, with every setting filled in.</summary>
    public IReadOnlyList<AlertRuleOptions> Rules => [.. _slots.Select(s => s.Rule)];

    /// <summary>How many NaN or infinite values of watched outputs have been ignored.</summary>
    public long NonFiniteValues => Interlocked.Read(ref _nonFiniteTotal);

    /// <summary>How many NaN or infinite values of <paramref name="output"/> have been ignored (0 for an output no rule watches).</summary>
    public long GetNonFiniteCount(string output)
    {
        int index = Array.IndexOf(_outputNames, output);
        return index < 0 ? 0 : Interlocked.Read(ref _nonFinite[index]);
    }

    /// <summary>Each rule's state, in rule order; from another thread it may lag one evaluation.</summary>
    public IReadOnlyList<RuleStatus> GetStatus()
    {
        var status = new RuleStatus[_slots.Length];
        for (int i = 0; i < _slots.Length; i++)
        {
            RuleState state = (RuleState)Volatile.Read(ref _slots[i].State);
            long since = Volatile.Read(ref _slots[i].SinceTicks);
            AlertRuleOptions rule = _slots[i].Rule;
            DateTimeOffset? from = state is RuleState.Pending or RuleState.Clearing ? new DateTimeOffset(since, TimeSpan.Zero) : null;
            status[i] = new RuleStatus(rule.Name, rule.Output, rule.Severity, state, from);
        }

        return status;
    }

    /// <summary>Decides on one window's outputs.</summary>
    /// <param name="outputs">One value per name in <see cref="OutputNames"/>, in that order.</param>
    /// <param name="at">The window's time; durations are measured on it.</param>
    /// <exception cref="ArgumentException"><paramref name="outputs"/> does not hold one value per output name.</exception>
    public void Evaluate(ReadOnlySpan<float> outputs, DateTimeOffset at)
    {
        if (outputs.Length != _outputNames.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected {_outputNames.Length} output values ({string.Join(", ", _outputNames)}), got {outputs.Length}."),
                nameof(outputs));
        }

        int nonFiniteOutput = -1;
        foreach (int index in _watchedOutputs)
        {
            if (!float.IsFinite(outputs[index]))
            {
                Interlocked.Increment(ref _nonFinite[index]);
                Interlocked.Increment(ref _nonFiniteTotal);
                nonFiniteOutput = index;
            }
        }

        long now = at.UtcTicks;
        for (int i = 0; i < _slots.Length; i++)
        {
            ref RuleSlot slot = ref _slots[i];
            float value = outputs[slot.Output];
            if (float.IsFinite(value))
            {
                Step(ref slot, value, now);
            }
        }

        if (nonFiniteOutput >= 0)
        {
            LogNonFinite(nonFiniteOutput);
        }
    }

    private static RuleSlot[] Compile(IReadOnlyList<AlertRuleOptions> rules, string[] outputNames)
    {
        var errors = new List<string>();
        var slots = new RuleSlot[rules.Count];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < rules.Count; i++)
        {
            AlertRuleOptions? given = rules[i];
            string path = string.Create(CultureInfo.InvariantCulture, $"Rule {i} ('{given?.Name}')");
            AlertRuleChecks.Collect(given, path, resolved: true, errors);
            if (given is null)
            {
                continue;
            }

            AlertRuleOptions rule = given.Clone();
            if (!string.IsNullOrWhiteSpace(rule.Name) && !names.Add(rule.Name))
            {
                errors.Add($"{path}: another rule has the name '{rule.Name}'; rule names must be unique (ignoring case).");
            }

            int output = Array.IndexOf(outputNames, rule.Output);
            if (output < 0 && !string.IsNullOrWhiteSpace(rule.Output))
            {
                errors.Add($"Rule '{rule.Name}' watches output '{rule.Output}', which is not among the model's outputs ({(outputNames.Length == 0 ? "none" : string.Join(", ", outputNames))}).");
            }

            slots[i] = new RuleSlot
            {
                Rule = rule,
                Output = output,
                Above = rule.Direction == AlertDirection.Above,
                RaiseAt = rule.RaiseAt,
                ClearAt = rule.ClearAt ?? rule.RaiseAt,
                RaiseAfterTicks = (rule.RaiseAfter ?? TimeSpan.Zero).Ticks,
                ClearAfterTicks = (rule.ClearAfter ?? TimeSpan.Zero).Ticks,
            };
        }

        if (errors.Count > 0)
        {
            throw new AlertRuleException($"The decision engine cannot run these rules: {string.Join(" ", errors)}");
        }

        return slots;
    }

    private static string Describe(AlertRuleOptions r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{r.Name}: {r.Severity} when {r.Output} {AlertRuleChecks.Word(r.Direction)} {OptionsText.Number(r.RaiseAt)} for {r.RaiseAfter?.TotalSeconds} s, clear past {OptionsText.Number(r.ClearAt ?? r.RaiseAt)} for {r.ClearAfter?.TotalSeconds} s");

    private void StartFromBoard()
    {
        var ruleNames = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < _slots.Length; i++)
        {
            ruleNames.Add(_slots[i].Rule.Name);
            if (_board.GetOpen(_slots[i].Rule.Name) is { } open)
            {
                _slots[i].State = (int)RuleState.Raised;
                Log.RuleStartsRaised(_logger, open.Rule, open.Id);
            }
        }

        foreach (Alert open in _board.Open)
        {
            if (!ruleNames.Contains(open.Rule))
            {
                Log.OrphanAlert(_logger, open.Id, open.Rule);
            }
        }
    }

    private void Step(ref RuleSlot slot, float value, long now)
    {
        bool reached = slot.Above ? value >= slot.RaiseAt : value <= slot.RaiseAt;
        bool pastClear = slot.Above ? value < slot.ClearAt : value > slot.ClearAt;
        switch ((RuleState)slot.State)
        {
            case RuleState.Normal:
                if (reached)
                {
                    Enter(ref slot, RuleState.Pending, now);
                    RaiseIfHeld(ref slot, value, now);
                }

                break;

            case RuleState.Pending:
                if (reached)
                {
                    RaiseIfHeld(ref slot, value, now);
                }
                else
                {
                    Enter(ref slot, RuleState.Normal, now);
                }

                break;

            case RuleState.Raised:
                if (pastClear)
                {
                    Enter(ref slot, RuleState.Clearing, now);
                    ClearIfHeld(ref slot, value, now);
                }

                break;

            case RuleState.Clearing:
                if (pastClear)
                {
                    ClearIfHeld(ref slot, value, now);
                }
                else
                {
                    Enter(ref slot, RuleState.Raised, now);
                }

                break;
        }
    }

    private static void Enter(ref RuleSlot slot, RuleState state, long now)
    {
        Volatile.Write(ref slot.SinceTicks, now);
        Volatile.Write(ref slot.State, (int)state);
    }

    /// <summary>How long the current condition has held; a window time earlier than its start (a clock set back) starts it again.</summary>
    private static long Held(ref RuleSlot slot, long now)
    {
        if (now < slot.SinceTicks)
        {
            Volatile.Write(ref slot.SinceTicks, now);
        }

        return now - slot.SinceTicks;
    }

    private void RaiseIfHeld(ref RuleSlot slot, float value, long now)
    {
        long held = Held(ref slot, now);
        if (held < slot.RaiseAfterTicks)
        {
            return;
        }

        AlertRuleOptions rule = slot.Rule;
        _board.Raise(rule.Name, rule.Severity, AlertText.Format(rule, value, TimeSpan.FromTicks(held)));
        Enter(ref slot, RuleState.Raised, now);
    }

    private void ClearIfHeld(ref RuleSlot slot, float value, long now)
    {
        long held = Held(ref slot, now);
        if (held < slot.ClearAfterTicks)
        {
            return;
        }

        AlertRuleOptions rule = slot.Rule;
        string reason = string.Create(
            CultureInfo.InvariantCulture,
            $"{rule.Output} {value:G3} past {OptionsText.Number(slot.ClearAt)} for {TimeSpan.FromTicks(held).TotalSeconds:0.0} s");
        _board.Clear(rule.Name, reason);
        Enter(ref slot, RuleState.Normal, now);
    }

    private void LogNonFinite(int output)
    {
        long last = _lastNonFiniteLog;
        if (last != long.MinValue && _time.GetElapsedTime(last) < NonFiniteLogInterval)
        {
            return;
        }

        _lastNonFiniteLog = _time.GetTimestamp();
        Log.NonFiniteOutputs(_logger, NonFiniteValues, _outputNames[output]);
    }

    /// <summary>One rule's settings, as plain fields for the hot path, and its state.</summary>
    private struct RuleSlot
    {
        public AlertRuleOptions Rule;
        public int Output;
        public bool Above;
        public double RaiseAt;
        public double ClearAt;
        public long RaiseAfterTicks;
        public long ClearAfterTicks;

        /// <summary>A <see cref="RuleState"/>, as int for <see cref="Volatile"/>.</summary>
        public int State;

        /// <summary>Window time (UTC ticks) the Pending or Clearing condition has held since.</summary>
        public long SinceTicks;
    }
}
