namespace EdgeAgent.Sensing.Simulation;

/// <summary>A sensor fault that changes a channel's values (all kinds but dropout), resolved to row indices.</summary>
internal sealed class SimulatedSensorFault
{
    private readonly int _channel;
    private readonly SensorFaultKind _kind;
    private readonly long _start;
    private readonly long _end;
    private readonly double _spikeProbability;
    private readonly double _spikeSize;
    private readonly FastRandom _random;
    private double _held;
    private bool _holding;

    public SimulatedSensorFault(SensorFaultOptions options, int channel, double sampleRate, int seed, int stream)
    {
        _channel = channel;
        _kind = options.Kind;
        (_start, _end) = Span(options, sampleRate);
        _spikeProbability = options.SpikeRate / sampleRate;
        _spikeSize = options.SpikeSize;
        _random = new FastRandom(seed, stream);
    }

    /// <summary>The first row index in the span and the first after it (<see cref="long.MaxValue"/> when it never ends).</summary>
    public static (long Start, long End) Span(SensorFaultOptions options, double sampleRate)
    {
        long start = Pacing.StreamTime.FirstIndexAtOrAfter(options.Start, sampleRate);
        long end = options.Duration is { } duration
            ? Pacing.StreamTime.FirstIndexAtOrAfter(options.Start + duration, sampleRate)
            : long.MaxValue;
        return (start, end);
    }

    /// <summary>Changes row <paramref name="index"/> when it lies in the span; <paramref name="previous"/> is the last row given, if any.</summary>
    public void Apply(long index, Span<double> row, ReadOnlySpan<double> previous)
    {
        if (index < _start || index >= _end)
        {
            return;
        }

        switch (_kind)
        {
            case SensorFaultKind.Stuck:
                if (!_holding)
                {
                    _held = previous.IsEmpty ? row[_channel] : previous[_channel];
                    _holding = true;
                }

                row[_channel] = _held;
                break;
            case SensorFaultKind.NaN:
                row[_channel] = double.NaN;
                break;
            case SensorFaultKind.Spikes:
                if (_random.NextDouble() < _spikeProbability)
                {
                    row[_channel] += _random.NextDouble() < 0.5 ? -_spikeSize : _spikeSize;
                }

                break;
            default:
                break;
        }
    }
}
