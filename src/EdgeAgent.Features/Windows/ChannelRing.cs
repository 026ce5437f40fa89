using EdgeAgent.Features.Quality;

namespace EdgeAgent.Features.Windows;

/// <summary>The newest <c>capacity</c> samples of one channel, each with its faults and the action its policy chose.</summary>
internal sealed class ChannelRing
{
    private readonly double[] _values;
    private readonly SampleFaults[] _faults;
    private readonly RepairAction[] _actions;
    private int _next;

    public ChannelRing(int capacity)
    {
        _values = new double[capacity];
        _faults = new SampleFaults[capacity];
        _actions = new RepairAction[capacity];
    }

    /// <summary>Samples added since the start of the stream.</summary>
    public long Total { get; private set; }

    public void Add(double value, SampleFaults faults, RepairAction action)
    {
        _values[_next] = value;
        _faults[_next] = faults;
        _actions[_next] = action;
        _next = (_next + 1) % _values.Length;
        Total++;
    }

    /// <summary>
    /// Copies the newest samples, oldest first, to the end of the destinations and returns how many leading positions
    /// had no sample (the stream is shorter than the window).
    /// </summary>
    public int CopyLatest(Span<double> values, Span<SampleFaults> faults, Span<RepairAction> actions)
    {
        int capacity = _values.Length;
        if (Total < capacity)
        {
            int count = (int)Total;
            int missing = capacity - count;
            _values.AsSpan(0, count).CopyTo(values[missing..]);
            _faults.AsSpan(0, count).CopyTo(faults[missing..]);
            _actions.AsSpan(0, count).CopyTo(actions[missing..]);
            return missing;
        }

        int head = capacity - _next;
        _values.AsSpan(_next).CopyTo(values);
        _values.AsSpan(0, _next).CopyTo(values[head..]);
        _faults.AsSpan(_next).CopyTo(faults);
        _faults.AsSpan(0, _next).CopyTo(faults[head..]);
        _actions.AsSpan(_next).CopyTo(actions);
        _actions.AsSpan(0, _next).CopyTo(actions[head..]);
        return 0;
    }
}
