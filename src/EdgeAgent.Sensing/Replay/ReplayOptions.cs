namespace EdgeAgent.Sensing.Replay;

/// <summary>A recorded file replayed as a sensor stream (<see cref="ReplaySource"/>). Bound from the <c>Sensors:Replay</c> section.</summary>
public sealed class ReplayOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Sensors:Replay";

    /// <summary>The file to replay. Required; it must exist.</summary>
    public string Path { get; set; } = "";

    /// <summary>The file's layout. Default <see cref="ReplayFormat.Csv"/>.</summary>
    public ReplayFormat Format { get; set; } = ReplayFormat.Csv;

    /// <summary>
    /// The columns to replay as channels, in this order. Default: every column except <see cref="TimeColumn"/> whose
    /// first data row holds a number (CSV; an empty field counts as a number), or all 26 columns (C-MAPSS).
    /// </summary>
    public List<string>? Channels { get; set; }

    /// <summary>
    /// CSV only: the column holding each row's time, either ISO 8601 (a time without an offset is UTC) or seconds
    /// after <see cref="StartTime"/>. Default none: rows are stamped start + index / <see cref="Rate"/>, or
    /// start + index × 1 s when <see cref="Rate"/> is 0.
    /// </summary>
    public string? TimeColumn { get; set; }

    /// <summary>
    /// Rows per second to replay at; 0 replays as fast as the reader reads. Default: the pace of
    /// <see cref="TimeColumn"/>; without a time column (and always for C-MAPSS) it is required. At least 0.
    /// </summary>
    public double? Rate { get; set; }

    /// <summary>Start again from the first row at the end of the file; timestamps keep increasing across passes. Default false.</summary>
    public bool Loop { get; set; }

    /// <summary>C-MAPSS only: replay only this engine unit. Default: every unit, in file order. At least 1.</summary>
    public int? Unit { get; set; }

    /// <summary>What to do with a row that cannot be read. Default <see cref="BadRowPolicy.Skip"/> (counted and logged with file:line).</summary>
    public BadRowPolicy OnBadRow { get; set; } = BadRowPolicy.Skip;

    /// <summary>
    /// The time rows without a time column are stamped from, and that a time column in seconds counts from.
    /// Default: the injected clock's time when the source is created. A C-MAPSS stream is stamped start + cycle
    /// index × 1 s (nominal: cycles have no duration).
    /// </summary>
    public DateTimeOffset? StartTime { get; set; }
}
