namespace EdgeAgent.Sensing.Replay;

/// <summary>What a replay does with a row it cannot read (wrong field count, a value that is not a number, broken quoting).</summary>
public enum BadRowPolicy
{
    /// <summary>Stop: the read throws a <see cref="SensorException"/> naming file:line and what is wrong.</summary>
    Fail,

    /// <summary>Leave the row out, count it (<see cref="ReplaySource.SkippedRows"/>) and log it with file:line; the stream goes on.</summary>
    Skip,
}
