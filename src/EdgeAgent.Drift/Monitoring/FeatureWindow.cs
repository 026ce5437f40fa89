namespace EdgeAgent.Drift.Monitoring;

/// <summary>The latest finite values of one feature, in a ring; non-finite values are counted and skipped.</summary>
internal sealed class FeatureWindow(int capacity)
{
    private readonly float[] _values = new float[capacity];
    private int _next;

    /// <summary>Finite values held (up to the capacity).</summary>
    public int Count { get; private set; }

    public bool Full => Count == _values.Length;

    /// <summary>Non-finite values skipped.</summary>
    public long NonFinite { get; private set; }

    /// <summary>Adds a value; false (and counted) when it is NaN or infinite.</summary>
    public bool Add(float value)
    {
        if (!float.IsFinite(value))
        {
            NonFinite++;
            return false;
        }

        _values[_next] = value;
        _next = _next + 1 == _values.Length ? 0 : _next + 1;
        if (Count < _values.Length)
        {
            Count++;
        }

        return true;
    }

    /// <summary>Copies the held values (in no particular order) into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<float> destination) => _values.AsSpan(0, Count).CopyTo(destination);

    public void Clear()
    {
        _next = 0;
        Count = 0;
        NonFinite = 0;
    }
}
