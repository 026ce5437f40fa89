namespace EdgeAgent.Sensing.Replay;

/// <summary>The layout of a recorded file.</summary>
public enum ReplayFormat
{
    /// <summary>Comma-separated with a header row naming the columns (RFC 4180 quoting, optional byte order mark).</summary>
    Csv,

    /// <summary>
    /// NASA C-MAPSS: whitespace-separated, no header, 26 columns named <c>unit</c>, <c>cycle</c>, <c>op1</c> to
    /// <c>op3</c>, <c>s1</c> to <c>s21</c> (the model kit's names, so FD001 model packages match).
    /// </summary>
    Cmapss,
}
