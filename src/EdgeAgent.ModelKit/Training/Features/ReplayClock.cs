namespace EdgeAgent.ModelKit.Training.Features;

/// <summary>
/// The clock a feature stage reads while samples are replayed from a file: it never moves, so the clock-jump check
/// (live wall clock against monotonic clock) finds nothing, and a replay gives the same windows on any machine at any time.
/// </summary>
internal sealed class ReplayClock : TimeProvider
{
    public static ReplayClock Instance { get; } = new();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch;

    public override long GetTimestamp() => 0;
}
