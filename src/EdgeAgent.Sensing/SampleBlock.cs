namespace EdgeAgent.Sensing;

/// <summary>
/// A reusable block of sample rows: <see cref="Count"/> rows of <see cref="ChannelCount"/> values each, row-major,
/// with one timestamp per row. Sources fill it; the pipeline reads it and hands it back. Not thread-safe.
/// </summary>
public sealed class SampleBlock
{
    private readonly double[] _values;
    private readonly DateTimeOffset[] _timestamps;

    public SampleBlock(int channelCount, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channelCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ChannelCount = channelCount;
        Capacity = capacity;
        _values = new double[channelCount * capacity];
        _timestamps = new DateTimeOffset[capacity];
    }

    public int ChannelCount { get; }

    public int Capacity { get; }

    /// <summary>Rows held.</summary>
    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    /// <summary>Row <paramref name="row"/>'s values, one per channel.</summary>
    public ReadOnlySpan<double> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Count, nameof(row));
        return _values.AsSpan(row * ChannelCount, ChannelCount);
    }

    /// <summary>Row <paramref name="row"/>'s timestamp.</summary>
    public DateTimeOffset Timestamp(int row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Count, nameof(row));
        return _timestamps[row];
    }

    /// <summary>Every held value, row-major.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, Count * ChannelCount);

    /// <summary>Appends a row and returns its span to fill; throws when full.</summary>
    public Span<double> AddRow(DateTimeOffset timestamp)
    {
        if (Count == Capacity)
        {
            throw new InvalidOperationException($"The block is full ({Capacity} rows).");
        }

        _timestamps[Count] = timestamp;
        return _values.AsSpan(Count++ * ChannelCount, ChannelCount);
    }

    /// <summary>Appends a row of values; throws when full or when the row's length is not <see cref="ChannelCount"/>.</summary>
    public void AddRow(ReadOnlySpan<double> values, DateTimeOffset timestamp)
    {
        if (values.Length != ChannelCount)
        {
            throw new ArgumentException($"A row holds {ChannelCount} values, not {values.Length}.", nameof(values));
        }

        values.CopyTo(AddRow(timestamp));
    }

    public void Clear() => Count = 0;
}
