using EdgeAgent.Drift.Calibration;

namespace EdgeAgent.Drift.Monitoring;

/// <summary>
/// The two-sided Page-Hinkley test on one output. Each value becomes z = clip((y - mean) / std) - center (see
/// <see cref="OutputReference"/>), so one outlier moves the statistic a bounded amount. With the in-control mean
/// known from the profile, Hinkley's m_T - min m_t over m_T = Σ (z_t - δ) is Page's CUSUM:
/// U_t = max(0, U_{t-1} + z_t - δ) upward and D_t = max(0, D_{t-1} - z_t - δ) downward, each alarming above its λ and
/// then restarting from 0.
/// </summary>
internal sealed class OutputWatch(OutputReference reference)
{
    private double _up;
    private double _down;
    private long _sinceAlarm = long.MaxValue / 2;

    public OutputReference Reference { get; } = reference;

    /// <summary>The highest upward statistic since <see cref="TakeVerdict"/> (alarm values included).</summary>
    public double MaxIncrease { get; private set; }

    public double MaxDecrease { get; private set; }

    /// <summary>Whether a statistic passed its limit since <see cref="TakeVerdict"/>.</summary>
    public bool Changed { get; private set; }

    public long NonFinite { get; private set; }

    /// <summary>Adds a value; true when it makes a statistic pass its limit.</summary>
    public bool Observe(float value)
    {
        if (!Reference.Monitored)
        {
            return false;
        }

        if (!float.IsFinite(value))
        {
            NonFinite++;
            return false;
        }

        _sinceAlarm++;
        double z = Math.Clamp((value - Reference.Mean) / Reference.Std, Reference.Low, Reference.High) - Reference.Center;
        _up = Math.Max(0, _up + z - Reference.Delta);
        _down = Math.Max(0, _down - z - Reference.Delta);
        MaxIncrease = Math.Max(MaxIncrease, _up);
        MaxDecrease = Math.Max(MaxDecrease, _down);
        if (_up > Reference.IncreaseLimit || _down > Reference.DecreaseLimit)
        {
            Changed = true;
            _sinceAlarm = 0;
            _up = 0;
            _down = 0;
            return true;
        }

        return false;
    }

    /// <summary>The verdict's view of the test (judged or not), after which the per-verdict figures start again.</summary>
    /// <summary>
    /// The verdict since the previous one. The test restarts after each alarm, so an output that stays moved alarms
    /// again and again: it counts as changed while its latest alarm is under <paramref name="hold"/> windows old.
    /// </summary>
    public OutputDrift TakeVerdict(bool judging, int hold)
    {
        OutputReference r = Reference;
        bool changed = Changed || _sinceAlarm < hold;
        var drift = new OutputDrift(r.Name, r.Monitored && judging, MaxIncrease, r.IncreaseLimit, MaxDecrease, r.DecreaseLimit, judging && changed, NonFinite);
        MaxIncrease = _up;
        MaxDecrease = _down;
        Changed = false;
        return drift;
    }

    /// <summary>Forgets an alarm raised before judging starts.</summary>
    public void ClearAlarm()
    {
        Changed = false;
        _sinceAlarm = long.MaxValue / 2;
    }

    public void Clear()
    {
        _up = 0;
        _down = 0;
        MaxIncrease = 0;
        MaxDecrease = 0;
        Changed = false;
        _sinceAlarm = long.MaxValue / 2;
        NonFinite = 0;
    }
}
