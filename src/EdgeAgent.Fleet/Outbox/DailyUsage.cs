using System.Globalization;

namespace EdgeAgent.Fleet.Outbox;

/// <summary>The bytes one UTC day put on the wire; kept in the store as "yyyy-MM-dd bytes".</summary>
internal readonly record struct DailyUsage(DateOnly Day, long Bytes)
{
    public static DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    /// <summary>The usage kept in the store for <paramref name="today"/>; a zero count when it is from another day or unreadable.</summary>
    public static DailyUsage Parse(string? text, DateOnly today)
    {
        string[] parts = (text ?? "").Split(' ');
        return parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day)
            && day == today
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long bytes)
                ? new DailyUsage(day, bytes)
                : new DailyUsage(today, 0);
    }

    /// <summary>When the next UTC day starts.</summary>
    public DateTimeOffset End => new(Day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Day:yyyy-MM-dd} {Bytes}");
}
