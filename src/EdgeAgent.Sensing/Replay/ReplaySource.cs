using System.Globalization;
using System.Text;
using EdgeAgent.Sensing.Pacing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Sensing.Replay;

/// <summary>
/// Replays a recorded file (CSV or NASA C-MAPSS) as a sensor stream, streaming it row by row (a file of any size
/// takes constant memory). Rows are paced by <see cref="ReplayOptions.Rate"/>, or by the file's time column, on the
/// injected <see cref="TimeProvider"/>; never ahead of the clock. A row that cannot be read is either fatal or
/// skipped, counted and logged with file:line (<see cref="ReplayOptions.OnBadRow"/>); it is never fed. A missing
/// file, a malformed header or a channel the file lacks throws <see cref="SensorException"/> from the constructor,
/// naming the file (and line and column where they apply). At the end of the file (without
/// <see cref="ReplayOptions.Loop"/>) a read returns false, its block holding the last rows, if any. Channels have no
/// units (CSV does not carry them) and a <see cref="SensorChannel.SampleRate"/> only for CSV replayed at a set
/// <see cref="ReplayOptions.Rate"/>; C-MAPSS is a cycle stream (null).
/// </summary>
public sealed class ReplaySource : ISensorSource
{
    /// <summary>The 26 columns of a C-MAPSS file: unit, cycle, three operational settings, sensors s1 to s21.</summary>
    public static readonly IReadOnlyList<string> CmapssColumns =
        ["unit", "cycle", "op1", "op2", "op3", .. Enumerable.Range(1, 21).Select(i => string.Create(CultureInfo.InvariantCulture, $"s{i}"))];

    /// <summary>Bad rows logged one by one; later ones are only counted.</summary>
    internal const int BadRowLogLimit = 20;

    private const int FileBufferSize = 64 * 1024;

    private readonly ILogger _logger;
    private readonly ReplayFormat _format;
    private readonly BadRowPolicy _policy;
    private readonly bool _loop;
    private readonly int? _unit;
    private readonly double? _rate;
    private readonly DateTimeOffset _start;
    private readonly StreamPacer _pacer;
    private readonly string[] _columns;
    private readonly int[] _channelColumns;
    private readonly int _timeColumn = -1;
    private readonly double[] _pending;
    private DelimitedRecordReader _reader;
    private bool? _timeInSeconds;
    private DateTimeOffset _pendingTimestamp;
    private double _pendingStreamTime;
    private bool _hasPending;
    private long _index;
    private long _rowsThisPass;
    private TimeSpan _passOffset;
    private DateTimeOffset? _originTime;
    private DateTimeOffset? _firstFileTime;
    private DateTimeOffset? _lastFileTime;
    private TimeSpan? _lastStep;
    private bool _exhausted;
    private bool _endLogged;
    private bool _disposed;

    /// <summary>Opens the file, reads its header and finds the channels.</summary>
    /// <param name="options">What to replay and how; checked as <see cref="ReplayOptionsValidator"/> does.</param>
    /// <param name="timeProvider">The clock that paces the stream and, unless <see cref="ReplayOptions.StartTime"/> is set, gives the start time.</param>
    /// <param name="logger">Where to log skipped rows and loops; none when null.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names each bad setting.</exception>
    /// <exception cref="SensorException">The file is missing or unreadable, its header is malformed, a channel or the time column is not in it, or (C-MAPSS) the unit is not in it.</exception>
    public ReplaySource(ReplayOptions options, TimeProvider timeProvider, ILogger<ReplaySource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ReplayOptionsValidator.ThrowIfInvalid(options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        FilePath = System.IO.Path.GetFullPath(options.Path);
        _format = options.Format;
        _policy = options.OnBadRow;
        _loop = options.Loop;
        _unit = options.Unit;
        _rate = options.Rate;
        _start = options.StartTime ?? timeProvider.GetUtcNow();
        _pacer = new StreamPacer(timeProvider, _rate == 0 ? 0 : 1);

        _reader = Open();
        try
        {
            _columns = _format == ReplayFormat.Cmapss ? [.. CmapssColumns] : ReadHeader();
            if (options.TimeColumn is { } timeColumn)
            {
                _timeColumn = FindColumn(timeColumn, "TimeColumn");
            }

            bool parsedFirst = false;
            if (options.Channels is { } names)
            {
                _channelColumns = [.. names.Select(name => FindColumn(name, "Channels"))];
            }
            else if (_format == ReplayFormat.Cmapss)
            {
                _channelColumns = [.. Enumerable.Range(0, _columns.Length)];
            }
            else
            {
                _channelColumns = NumericColumnsOfFirstRow();
                parsedFirst = true;
            }

            _pending = new double[_channelColumns.Length];
            double? sampleRate = _format == ReplayFormat.Csv && _rate > 0 ? _rate : null;
            Channels = [.. _channelColumns.Select(c => new SensorChannel(_columns[c], "", sampleRate))];

            // Read ahead one row, so a bad first row under Fail, or a unit the file lacks, fails here.
            _exhausted = !(parsedFirst && ParseRecord()) && !TryReadRow();
        }
        catch
        {
            _reader.Dispose();
            throw;
        }

        Log.SourceOpened(_logger, Name, Channels.Count, string.Join(", ", Channels.Select(c => c.Name)));
    }

    /// <inheritdoc />
    public string Name => $"replay:{System.IO.Path.GetFileName(FilePath)}";

    /// <inheritdoc />
    public IReadOnlyList<SensorChannel> Channels { get; }

    /// <summary>The full path of the file.</summary>
    public string FilePath { get; }

    /// <summary>Rows given to readers so far.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Rows left out because they could not be read (under <see cref="BadRowPolicy.Skip"/>), counted again on each pass of a loop.</summary>
    public long SkippedRows { get; private set; }

    /// <summary>How many times a looping replay has started again from the first row.</summary>
    public long Restarts { get; private set; }

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
        cancellationToken.ThrowIfCancellationRequested();
        while (!block.IsFull)
        {
            if (!_hasPending && (_exhausted || !TryReadRow()))
            {
                _exhausted = true;
                if (!_endLogged)
                {
                    _endLogged = true;
                    Log.ReplayEnded(_logger, Name, FilePath, RowsRead, SkippedRows);
                }

                return false;
            }

            if (_pacer.IsPaced && !_pacer.IsDue(_pendingStreamTime))
            {
                if (block.Count > 0)
                {
                    break;
                }

                await _pacer.WaitUntilAsync(_pendingStreamTime, cancellationToken).ConfigureAwait(false);
            }

            block.AddRow(_pending, _pendingTimestamp);
            _hasPending = false;
            RowsRead++;
        }

        return true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _reader.Dispose();
            Log.SourceClosed(_logger, Name, RowsRead);
        }

        return ValueTask.CompletedTask;
    }

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "...");

    private DelimitedRecordReader Open()
    {
        try
        {
            var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileBufferSize, FileOptions.SequentialScan);
            var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, FileBufferSize);
            return new DelimitedRecordReader(text, whitespaceSeparated: _format == ReplayFormat.Cmapss);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SensorException($"Replay file '{FilePath}' does not exist (Sensors:Replay:Path).", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SensorException($"Cannot open replay file '{FilePath}': {ex.Message}", ex);
        }
    }

    private bool ReadRecord()
    {
        try
        {
            return _reader.ReadRecord();
        }
        catch (IOException ex)
        {
            throw new SensorException($"{FilePath}:{_reader.LineNumber}: reading failed: {ex.Message}", ex);
        }
    }

    private string[] ReadHeader()
    {
        if (!ReadRecord())
        {
            throw new SensorException($"{FilePath}: the file is empty; a header row naming the columns is expected.");
        }

        long line = _reader.LineNumber;
        if (_reader.Error is { } error)
        {
            throw new SensorException($"{FilePath}:{line}: malformed header: {error}.");
        }

        var columns = new string[_reader.FieldCount];
        for (int i = 0; i < columns.Length; i++)
        {
            string name = _reader.Field(i).Trim().ToString();
            if (name.Length == 0)
            {
                throw new SensorException(OptionsText.Invariant($"{FilePath}:{line}: malformed header: column {i + 1} has no name."));
            }

            int earlier = Array.IndexOf(columns, name, 0, i);
            if (earlier >= 0)
            {
                throw new SensorException(OptionsText.Invariant($"{FilePath}:{line}: malformed header: column {i + 1} '{name}' repeats column {earlier + 1}."));
            }

            columns[i] = name;
        }

        return columns;
    }

    private int FindColumn(string name, string setting)
    {
        int index = Array.IndexOf(_columns, name);
        if (index < 0)
        {
            string source = _format == ReplayFormat.Cmapss ? "C-MAPSS columns are" : "the header names";
            throw new SensorException(
                $"{FilePath}: no column '{name}' (Sensors:Replay:{setting}); {source}: {string.Join(", ", _columns)}.");
        }

        return index;
    }

    /// <summary>Reads up to the first well-formed data row and returns the columns (but the time column) holding numbers there.</summary>
    private int[] NumericColumnsOfFirstRow()
    {
        while (true)
        {
            if (!ReadRecord())
            {
                throw new SensorException(
                    $"{FilePath}: the file has no data rows to find the numeric columns from; name the channels in Sensors:Replay:Channels.");
            }

            string? problem = _reader.Error ?? FieldCountProblem();
            if (problem is null)
            {
                break;
            }

            BadRow(problem);
        }

        var numeric = new List<int>();
        for (int c = 0; c < _columns.Length; c++)
        {
            ReadOnlySpan<char> field = _reader.Field(c).Trim();
            if (c != _timeColumn && (field.IsEmpty || double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                numeric.Add(c);
            }
        }

        return numeric.Count > 0
            ? [.. numeric]
            : throw new SensorException(
                $"{FilePath}:{_reader.LineNumber}: no column (but the time column) holds a number in the first data row; there is nothing to replay.");
    }

    /// <summary>Reads records until one gives a row (true) or the stream ends (false); loops when configured.</summary>
    private bool TryReadRow()
    {
        while (true)
        {
            if (!ReadRecord())
            {
                if (!StartNextPass())
                {
                    return false;
                }

                continue;
            }

            if (ParseRecord())
            {
                return true;
            }
        }
    }

    /// <summary>At the end of the file: starts it again when looping (true), or ends the stream (false).</summary>
    private bool StartNextPass()
    {
        if (_rowsThisPass == 0)
        {
            if (_unit is { } unit)
            {
                throw new SensorException(OptionsText.Invariant($"{FilePath}: no rows of unit {unit} (Sensors:Replay:Unit)."));
            }

            if (_loop)
            {
                throw new SensorException($"{FilePath}: no data rows to loop over (Sensors:Replay:Loop).");
            }
        }

        if (!_loop)
        {
            return false;
        }

        if (_firstFileTime is { } first && _lastFileTime is { } last)
        {
            // The next pass follows this one by one step, so timestamps keep increasing.
            TimeSpan step = _lastStep ?? (_rate > 0 ? TimeSpan.FromTicks(StreamTime.TicksAt(1, _rate.Value)) : TimeSpan.FromSeconds(1));
            _passOffset += last - first + step;
        }

        _firstFileTime = null;
        _lastFileTime = null;
        _lastStep = null;
        _rowsThisPass = 0;
        _reader.Dispose();
        _reader = Open();
        if (_format == ReplayFormat.Csv)
        {
            ReadRecord();
        }

        Restarts++;
        Log.ReplayLooping(_logger, Name, FilePath, Restarts);
        return true;
    }

    private string? FieldCountProblem()
    {
        if (_reader.FieldCount == _columns.Length)
        {
            return null;
        }

        return _format == ReplayFormat.Cmapss
            ? OptionsText.Invariant($"the row has {_reader.FieldCount} fields; C-MAPSS rows have {_columns.Length} (unit, cycle, op1-op3, s1-s21)")
            : OptionsText.Invariant($"the row has {_reader.FieldCount} fields; the header names {_columns.Length} columns");
    }

    /// <summary>Parses the current record into the pending row: true when it gives one, false when it is skipped (bad or another unit).</summary>
    private bool ParseRecord()
    {
        string? problem = _reader.Error ?? FieldCountProblem();
        if (problem is null && _unit is { } unit)
        {
            problem = ParseNumber(0, out double rowUnit);
            if (problem is null && rowUnit != unit)
            {
                return false;
            }
        }

        for (int i = 0; problem is null && i < _channelColumns.Length; i++)
        {
            problem = ParseNumber(_channelColumns[i], out _pending[i]);
        }

        DateTimeOffset fileTime = default;
        if (problem is null && _timeColumn >= 0)
        {
            problem = ParseTime(out fileTime);
        }

        if (problem is not null)
        {
            BadRow(problem);
            return false;
        }

        Stamp(fileTime);
        _hasPending = true;
        _index++;
        _rowsThisPass++;
        return true;
    }

    private string? ParseNumber(int column, out double value)
    {
        ReadOnlySpan<char> field = _reader.Field(column).Trim();
        if (field.IsEmpty && _format == ReplayFormat.Csv)
        {
            value = double.NaN;
            return null;
        }

        return double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            ? null
            : OptionsText.Invariant($"column {column + 1} ({_columns[column]}) holds '{Shorten(field)}', which is not a number");
    }

    private string? ParseTime(out DateTimeOffset time)
    {
        ReadOnlySpan<char> field = _reader.Field(_timeColumn).Trim();
        string column = OptionsText.Invariant($"column {_timeColumn + 1} ({_columns[_timeColumn]})");
        time = default;
        _timeInSeconds ??= double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        if (_timeInSeconds.Value)
        {
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !double.IsFinite(seconds))
            {
                return $"{column} holds '{Shorten(field)}', which is not a number of seconds";
            }

            try
            {
                time = _start.AddTicks(checked((long)Math.Round(seconds * TimeSpan.TicksPerSecond)));
                return null;
            }
            catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
            {
                return $"{column} holds '{Shorten(field)}' seconds, which is out of range";
            }
        }

        // The round-trip form SampleCsvWriter writes has a fast exact parser; anything else goes through the general one.
        return DateTimeOffset.TryParseExact(field, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out time)
            || DateTimeOffset.TryParse(field, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time)
            ? null
            : $"{column} holds '{Shorten(field)}', which is not an ISO 8601 time";
    }

    /// <summary>Sets the pending row's timestamp and stream time (seconds after the first row, for pacing).</summary>
    private void Stamp(DateTimeOffset fileTime)
    {
        long index = _index;
        if (_timeColumn >= 0)
        {
            _pendingTimestamp = fileTime + _passOffset;
            if (_lastFileTime is { } previous)
            {
                _lastStep = fileTime - previous;
            }

            _firstFileTime ??= fileTime;
            _lastFileTime = fileTime;
            _originTime ??= _pendingTimestamp;
            _pendingStreamTime = _rate switch
            {
                null => (_pendingTimestamp - _originTime.Value).Ticks / (double)TimeSpan.TicksPerSecond,
                > 0 => StreamTime.SecondsAt(index, _rate.Value),
                _ => 0,
            };
            return;
        }

        bool evenlySpaced = _format == ReplayFormat.Csv && _rate > 0;
        _pendingTimestamp = evenlySpaced
            ? _start.AddTicks(StreamTime.TicksAt(index, _rate!.Value))
            : _start.AddTicks(index * TimeSpan.TicksPerSecond);
        _pendingStreamTime = _rate > 0 ? StreamTime.SecondsAt(index, _rate.Value) : 0;
    }

    private void BadRow(string problem)
    {
        if (_policy == BadRowPolicy.Fail)
        {
            throw new SensorException($"{FilePath}:{_reader.LineNumber}: {problem} (Sensors:Replay:OnBadRow is Fail).");
        }

        SkippedRows++;
        if (SkippedRows <= BadRowLogLimit)
        {
            Log.BadRowSkipped(_logger, FilePath, _reader.LineNumber, problem);
        }
        else if (SkippedRows == BadRowLogLimit + 1)
        {
            Log.BadRowLoggingSuppressed(_logger, FilePath, BadRowLogLimit);
        }
    }
}
