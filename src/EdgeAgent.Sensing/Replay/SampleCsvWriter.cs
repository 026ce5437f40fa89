using System.Globalization;
using System.Text;

namespace EdgeAgent.Sensing.Replay;

/// <summary>
/// Writes sample rows as CSV that <see cref="ReplaySource"/> reads back exactly: a header row (<c>timestamp</c>,
/// then the channel names), then one line per row: the timestamp in ISO 8601 UTC with seven fraction digits
/// (<c>2026-01-01T00:00:00.0001000Z</c>, exact to the tick) and each value in the invariant culture's round-trip
/// form ("R": NaN and infinities as <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>). Replayed with
/// <c>TimeColumn = timestamp</c>, the file gives the same timestamps and the same doubles, bit for bit. Channel
/// units are not kept. Not thread-safe.
/// </summary>
public sealed class SampleCsvWriter : IDisposable, IAsyncDisposable
{
    /// <summary>The name of the time column.</summary>
    public const string TimestampColumn = "timestamp";

    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private readonly TextWriter _writer;
    private readonly bool _leaveOpen;
    private readonly int _channelCount;
    private readonly char[] _line;
    private bool _disposed;

    /// <summary>Writes to <paramref name="writer"/>, starting with the header row.</summary>
    /// <param name="writer">Where the CSV goes.</param>
    /// <param name="channels">The channels of every row, in order.</param>
    /// <param name="leaveOpen">True to leave <paramref name="writer"/> open when this writer is disposed.</param>
    /// <exception cref="ArgumentException">There are no channels, or one is named <c>timestamp</c>, or two share a name.</exception>
    public SampleCsvWriter(TextWriter writer, IReadOnlyList<SensorChannel> channels, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0)
        {
            throw new ArgumentException("At least one channel is needed.", nameof(channels));
        }

        var names = new HashSet<string>(StringComparer.Ordinal) { TimestampColumn };
        foreach (SensorChannel channel in channels)
        {
            if (!names.Add(channel.Name))
            {
                throw new ArgumentException($"The channel name '{channel.Name}' is used twice or is the time column's name.", nameof(channels));
            }
        }

        _writer = writer;
        _leaveOpen = leaveOpen;
        _channelCount = channels.Count;
        _line = new char[64 + (channels.Count * 32)];
        _writer.Write(TimestampColumn);
        foreach (SensorChannel channel in channels)
        {
            _writer.Write(',');
            _writer.Write(Quote(channel.Name));
        }

        _writer.Write('\n');
    }

    /// <summary>Rows written so far.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>Creates (or replaces) the file at <paramref name="path"/>, UTF-8 without a byte order mark.</summary>
    public static SampleCsvWriter Create(string path, IReadOnlyList<SensorChannel> channels)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024);
        try
        {
            return new SampleCsvWriter(stream, channels);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads <paramref name="source"/> and writes its rows to <paramref name="path"/> until <paramref name="maxRows"/> rows or the end of the stream.</summary>
    /// <returns>The rows written.</returns>
    public static async Task<long> RecordAsync(ISensorSource source, string path, long maxRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        SampleCsvWriter writer = Create(path, source.Channels);
        await using (writer.ConfigureAwait(false))
        {
            var block = new SampleBlock(source.Channels.Count, 4096);
            bool more = true;
            while (more && writer.RowsWritten < maxRows)
            {
                more = await source.ReadAsync(block, cancellationToken).ConfigureAwait(false);
                for (int r = 0; r < block.Count && writer.RowsWritten < maxRows; r++)
                {
                    writer.WriteRow(block.Timestamp(r), block.Row(r));
                }
            }

            return writer.RowsWritten;
        }
    }

    /// <summary>Writes one row.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold one value per channel.</exception>
    public void WriteRow(DateTimeOffset timestamp, ReadOnlySpan<double> values)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (values.Length != _channelCount)
        {
            throw new ArgumentException($"A row holds {_channelCount} values, not {values.Length}.", nameof(values));
        }

        Span<char> line = _line;
        if (!timestamp.UtcDateTime.TryFormat(line, out int length, TimestampFormat, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("The timestamp did not fit the line buffer.");
        }

        foreach (double value in values)
        {
            line[length++] = ',';
            if (!value.TryFormat(line[length..], out int written, "R", CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException("A value did not fit the line buffer.");
            }

            length += written;
        }

        line[length++] = '\n';
        _writer.Write(line[..length]);
        RowsWritten++;
    }

    /// <summary>Writes every row of <paramref name="block"/>.</summary>
    public void Write(SampleBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        for (int r = 0; r < block.Count; r++)
        {
            WriteRow(block.Timestamp(r), block.Row(r));
        }
    }

    /// <summary>Pushes buffered text to the underlying writer.</summary>
    public void Flush() => _writer.Flush();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_leaveOpen)
        {
            _writer.Flush();
        }
        else
        {
            _writer.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_leaveOpen)
        {
            await _writer.FlushAsync().ConfigureAwait(false);
        }
        else
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string Quote(string name) =>
        name.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (name.Length > 0 && (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1])))
            ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : name;
}
