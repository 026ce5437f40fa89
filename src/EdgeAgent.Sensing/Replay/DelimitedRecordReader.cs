namespace EdgeAgent.Sensing.Replay;

/// <summary>
/// Streams records from delimited text, one at a time, without a string per field: CSV (comma-separated; fields in
/// double quotes may hold commas, doubled quotes and line breaks) or whitespace-separated (runs of spaces and tabs,
/// as in NASA C-MAPSS). A leading byte order mark is dropped; blank lines are skipped; \n, \r\n and \r end lines.
/// A record that breaks the quoting rules is still returned, with <see cref="Error"/> saying what is wrong, so the
/// caller decides whether to skip it. Not thread-safe.
/// </summary>
internal sealed class DelimitedRecordReader : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly TextReader _reader;
    private readonly bool _whitespaceSeparated;
    private readonly char[] _buffer = new char[BufferSize];
    private int _position;
    private int _length;
    private bool _atStart = true;
    private long _line = 1;
    private char[] _chars = new char[256];
    private int _charCount;
    private int[] _starts = new int[32];
    private int[] _lengths = new int[32];
    private bool _lastFieldQuoted;

    /// <param name="reader">The text; disposed with this reader.</param>
    /// <param name="whitespaceSeparated">True for runs of spaces and tabs between fields and no quoting; false for CSV.</param>
    public DelimitedRecordReader(TextReader reader, bool whitespaceSeparated)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _whitespaceSeparated = whitespaceSeparated;
    }

    /// <summary>The 1-based line the last record began on.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The fields of the last record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>What is wrong with the last record's quoting, or null when nothing is.</summary>
    public string? Error { get; private set; }

    /// <summary>Field <paramref name="index"/> of the last record, without its quotes.</summary>
    public ReadOnlySpan<char> Field(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)FieldCount, nameof(index));
        return _chars.AsSpan(_starts[index], _lengths[index]);
    }

    /// <summary>Reads the next non-blank record; false at the end of the text.</summary>
    public bool ReadRecord()
    {
        while (true)
        {
            _charCount = 0;
            FieldCount = 0;
            Error = null;
            if (Peek() < 0)
            {
                return false;
            }

            LineNumber = _line;
            if (_whitespaceSeparated)
            {
                ReadWhitespaceRecord();
            }
            else
            {
                ReadCsvRecord();
            }

            if (!IsBlank())
            {
                return true;
            }
        }
    }

    public void Dispose() => _reader.Dispose();

    private bool IsBlank() =>
        Error is null && (FieldCount == 0 || (FieldCount == 1 && _chars.AsSpan(_starts[0], _lengths[0]).IsWhiteSpace() && !_lastFieldQuoted));

    private void ReadCsvRecord()
    {
        while (true)
        {
            int fieldStart = _charCount;
            bool quoted = false;
            _lastFieldQuoted = false;
            int c = Read();

            // Unquoted text up to a comma or the end of the line; spaces before an opening quote are dropped.
            while (c >= 0 && c != ',' && !IsLineEnd(c))
            {
                if (c == '"' && _chars.AsSpan(fieldStart, _charCount - fieldStart).IsWhiteSpace())
                {
                    _charCount = fieldStart;
                    quoted = true;
                    _lastFieldQuoted = true;
                    break;
                }

                Append((char)c);
                c = Read();
            }

            if (quoted)
            {
                c = ReadQuoted();
            }

            EndField(fieldStart);
            if (c == ',')
            {
                continue;
            }

            ConsumeLineEnd(c);
            return;
        }
    }

    /// <summary>Reads a quoted field's text after its opening quote; returns the character after the field (a comma, a line end, or -1).</summary>
    private int ReadQuoted()
    {
        while (true)
        {
            int c = Read();
            if (c < 0)
            {
                Error ??= "a quoted field is not closed before the end of the file";
                return c;
            }

            if (c == '"')
            {
                if (Peek() == '"')
                {
                    Read();
                    Append('"');
                    continue;
                }

                // Closed: only spaces may follow before the comma or the end of the line.
                c = Read();
                while (c >= 0 && c != ',' && !IsLineEnd(c))
                {
                    if (c is not (' ' or '\t'))
                    {
                        Error ??= "text follows a closing quote";
                    }

                    c = Read();
                }

                return c;
            }

            if (IsLineEnd(c))
            {
                ConsumeLineEnd(c);
                Append('\n');
                continue;
            }

            Append((char)c);
        }
    }

    private void ReadWhitespaceRecord()
    {
        _lastFieldQuoted = false;
        int c = Read();
        while (true)
        {
            while (c is ' ' or '\t')
            {
                c = Read();
            }

            if (c < 0 || IsLineEnd(c))
            {
                ConsumeLineEnd(c);
                return;
            }

            int fieldStart = _charCount;
            while (c >= 0 && c is not (' ' or '\t') && !IsLineEnd(c))
            {
                Append((char)c);
                c = Read();
            }

            EndField(fieldStart);
        }
    }

    private static bool IsLineEnd(int c) => c is '\n' or '\r';

    /// <summary>Counts the line ended by <paramref name="c"/> (taking the \n of a \r\n pair); nothing at the end of the text.</summary>
    private void ConsumeLineEnd(int c)
    {
        if (c == '\r' && Peek() == '\n')
        {
            Read();
        }

        if (c >= 0)
        {
            _line++;
        }
    }

    private void Append(char c)
    {
        if (_charCount == _chars.Length)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        _chars[_charCount++] = c;
    }

    private void EndField(int start)
    {
        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _lengths, _lengths.Length * 2);
        }

        _starts[FieldCount] = start;
        _lengths[FieldCount] = _charCount - start;
        FieldCount++;
    }

    private int Peek()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position];
    }

    private int Read()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position++];
    }

    private bool Fill()
    {
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        if (_length <= 0)
        {
            _length = 0;
            return false;
        }

        if (_atStart)
        {
            _atStart = false;
            if (_buffer[0] == '\uFEFF')
            {
                _position = 1;
                return _length > 1 || Fill();
            }
        }

        return true;
    }
}
