using System.Globalization;
using EdgeAgent.Sensing.Pacing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Sensing.Simulation;

/// <summary>
/// A simulated rotating machine: three vibration axes, bearing temperature and motor current, all at
/// <see cref="SimulatorOptions.SampleRate"/>, with optional machine faults (bearing defect, imbalance) and sensor
/// faults (stuck, spikes, NaN, dropout). Deterministic for a seed. Row n is stamped start + n / SampleRate; with
/// <see cref="SimulatorOptions.Speed"/> above 0 no row is given before elapsed time × speed has reached its stream
/// time (waiting on the injected <see cref="TimeProvider"/>). Generation allocates nothing per row. The stream
/// never ends.
/// </summary>
public sealed class SimulatorSource : ISensorSource
{
    /// <summary>The channel names, in row order.</summary>
    public static readonly IReadOnlyList<string> ChannelNames = ["vib_x", "vib_y", "vib_z", "temperature", "current"];

    private static readonly string[] ChannelUnits = ["g", "g", "g", "degC", "A"];

    /// <summary>Skipped rows between cancellation checks while a dropout swallows every row (unpaced).</summary>
    private const int CancellationCheckInterval = 1 << 16;

    private readonly ILogger _logger;
    private readonly MachineModel _model;
    private readonly StreamPacer _pacer;
    private readonly double _rate;
    private readonly int _blockRows;
    private readonly SimulatedSensorFault[] _valueFaults;
    private readonly (long Start, long End)[] _dropouts;
    private readonly double[] _previous;
    private readonly double[] _scratch;
    private bool _hasPrevious;
    private bool _disposed;

    /// <summary>Creates the simulator.</summary>
    /// <param name="options">The machine; checked as <see cref="SimulatorOptionsValidator"/> does.</param>
    /// <param name="timeProvider">The clock that paces the stream and, unless <see cref="SimulatorOptions.StartTime"/> is set, gives the first timestamp.</param>
    /// <param name="logger">Where to log; none when null.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names each bad setting.</exception>
    public SimulatorSource(SimulatorOptions options, TimeProvider timeProvider, ILogger<SimulatorSource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        SimulatorOptionsValidator.ThrowIfInvalid(options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _rate = options.SampleRate;
        _blockRows = options.EffectiveBlockRows();
        _model = new MachineModel(options);
        _pacer = new StreamPacer(timeProvider, options.Speed);
        StartTime = options.StartTime ?? timeProvider.GetUtcNow();
        Channels = [.. ChannelNames.Select((name, i) => new SensorChannel(name, ChannelUnits[i], _rate))];
        _previous = new double[ChannelNames.Count];
        _scratch = new double[ChannelNames.Count];

        var valueFaults = new List<SimulatedSensorFault>();
        var dropouts = new List<(long, long)>();
        for (int i = 0; i < options.SensorFaults.Count; i++)
        {
            SensorFaultOptions fault = options.SensorFaults[i];
            if (fault.Kind == SensorFaultKind.Dropout)
            {
                dropouts.Add(SimulatedSensorFault.Span(fault, _rate));
            }
            else
            {
                int channel = IndexOfChannel(fault.Channel!);
                valueFaults.Add(new SimulatedSensorFault(fault, channel, _rate, options.Seed, 100 + i));
            }
        }

        _valueFaults = [.. valueFaults];
        _dropouts = [.. dropouts];
        Log.SimulatorConfigured(_logger, options.Seed, _rate, options.ShaftHz, options.Speed, DescribeFaults(options));
        Log.SourceOpened(_logger, Name, Channels.Count, string.Join(", ", ChannelNames));
    }

    /// <inheritdoc />
    public string Name => "simulator";

    /// <inheritdoc />
    public IReadOnlyList<SensorChannel> Channels { get; }

    /// <summary>The timestamp of row 0.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>Rows given to readers so far (rows lost to a dropout are not counted).</summary>
    public long RowsRead { get; private set; }

    /// <summary>The index of the next row to generate; its stream time is index / SampleRate.</summary>
    public long NextIndex => _model.Index;

    /// <inheritdoc />
    public async ValueTask<bool> ReadAsync(SampleBlock block, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(block);
        if (block.ChannelCount != Channels.Count)
        {
            throw new ArgumentException($"The block holds {block.ChannelCount} channels; {Name} gives {Channels.Count}.", nameof(block));
        }

        block.Clear();
        while (block.Count == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long limit = long.MaxValue;
            if (_pacer.IsPaced)
            {
                long wanted = Math.Min(_blockRows, block.Capacity);
                long last = _model.Index + wanted - 1;
                await _pacer.WaitUntilAsync(StreamTime.SecondsAt(last, _rate), cancellationToken).ConfigureAwait(false);

                // Every row whose stream time has been reached, and at least the ones waited for.
                double now = _pacer.Now();
                limit = Math.Max(last + 1, (long)Math.Floor((now * _rate) + 1e-6) + 1);
            }

            Generate(block, limit, cancellationToken);
        }

        RowsRead += block.Count;
        return true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            Log.SourceClosed(_logger, Name, RowsRead);
        }

        return ValueTask.CompletedTask;
    }

    private static int IndexOfChannel(string name)
    {
        for (int i = 0; i < ChannelNames.Count; i++)
        {
            if (string.Equals(ChannelNames[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ArgumentException($"The simulator has no channel '{name}'.", nameof(name));
    }

    private static string DescribeFaults(SimulatorOptions options)
    {
        var parts = new List<string>();
        if (options.BearingDefect is { } b)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"bearing defect from {b.Start} growing over {b.GrowthTime} (order {b.DefectOrder}, {b.Amplitude} g at {b.ResonanceHz} Hz)"));
        }

        if (options.Imbalance is { } im)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"imbalance from {im.Start} ({im.Amplitude} g at 1x)"));
        }

        parts.AddRange(options.SensorFaults.Select(f => string.Create(
            CultureInfo.InvariantCulture,
            $"{f.Kind} on {f.Channel ?? "all channels"} from {f.Start} for {(f.Duration is { } d ? d.ToString() : "ever")}")));
        return parts.Count == 0 ? "none" : string.Join("; ", parts);
    }

    private void Generate(SampleBlock block, long limit, CancellationToken cancellationToken)
    {
        int skipped = 0;
        while (!block.IsFull && _model.Index < limit)
        {
            long n = _model.Index;
            if (InDropout(n))
            {
                // The machine runs on while the sensor is silent: advance the physics, give no row.
                _model.Next(_scratch);
                if (++skipped == CancellationCheckInterval)
                {
                    skipped = 0;
                    cancellationToken.ThrowIfCancellationRequested();
                }

                continue;
            }

            Span<double> row = block.AddRow(StartTime.AddTicks(StreamTime.TicksAt(n, _rate)));
            _model.Next(row);
            ReadOnlySpan<double> previous = _hasPrevious ? _previous : default;
            foreach (SimulatedSensorFault fault in _valueFaults)
            {
                fault.Apply(n, row, previous);
            }

            row.CopyTo(_previous);
            _hasPrevious = true;
        }
    }

    private bool InDropout(long index)
    {
        foreach ((long start, long end) in _dropouts)
        {
            if (index >= start && index < end)
            {
                return true;
            }
        }

        return false;
    }
}
