using System.Globalization;
using System.Text;
using EdgeAgent.FleetWatch.Model;

namespace EdgeAgent.FleetWatch.Rendering;

/// <summary>The fleet as a plain text table: one line per device, columns padded with spaces, "—" for what is unknown.</summary>
internal static class FleetTable
{
    /// <summary>What an unknown value shows as.</summary>
    public const string Unknown = "—";

    private static readonly string[] Headers = ["DEVICE", "STATUS", "MODEL", "VERSION", "MODEL STATE", "HEALTH", "LAST SEEN", "DRIFT", "OPEN ALERTS", "MALFORMED"];

    /// <summary>A header line with the counts, the table, and the latest problem of each device that sent malformed payloads.</summary>
    public static string Render(string fleet, IReadOnlyList<DeviceRow> rows, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"fleet {fleet} at {now.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z: {rows.Count} device(s), ")
            .Append(CultureInfo.InvariantCulture, $"{rows.Count(r => r.Presence == Presence.Online)} online, ")
            .Append(CultureInfo.InvariantCulture, $"{rows.Count(r => r.Presence == Presence.Offline)} offline, ")
            .Append(CultureInfo.InvariantCulture, $"{rows.Count(r => r.Presence == Presence.Silent)} silent, ")
            .Append(CultureInfo.InvariantCulture, $"{rows.Sum(r => r.OpenAlerts)} open alert(s)")
            .AppendLine();
        if (rows.Count == 0)
        {
            text.AppendLine("(no device has published yet)");
            return text.ToString();
        }

        string[][] cells = [Headers, .. rows.Select(r => Cells(r, now))];
        int[] widths = [.. Enumerable.Range(0, Headers.Length).Select(c => cells.Max(line => line[c].Length))];
        foreach (string[] line in cells)
        {
            for (int c = 0; c < line.Length; c++)
            {
                text.Append(c == line.Length - 1 ? line[c] : line[c].PadRight(widths[c] + 2));
            }

            text.AppendLine();
        }

        foreach (DeviceRow row in rows.Where(r => r.LastProblem is not null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{row.Device}: {row.Malformed} malformed, latest {row.LastProblem}");
        }

        return text.ToString();
    }

    /// <summary>The cells of one device, in <see cref="Headers"/> order.</summary>
    public static string[] Cells(DeviceRow row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        return
        [
            row.Device,
            row.Presence.ToString().ToLowerInvariant(),
            row.Model ?? Unknown,
            row.ModelVersion ?? Unknown,
            row.ModelState ?? Unknown,
            row.Health ?? Unknown,
            row.LastSeen is { } seen ? Ago(now - seen) : Unknown,
            Drift(row.Drift),
            Alerts(row),
            row.Malformed.ToString(CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>"3s ago", "4m ago", "2h ago", "5d ago"; "now" for under a second (or a clock a little behind the device's).</summary>
    public static string Ago(TimeSpan age) => age switch
    {
        { TotalSeconds: < 1 } => "now",
        { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalSeconds}s ago"),
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes}m ago"),
        { TotalDays: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours}h ago"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays}d ago"),
    };

    private static string Drift(DriftReading? drift) => drift switch
    {
        null => Unknown,
        { DriftedFeatures.Count: > 0 } => $"{drift.Verdict ?? Unknown} ({string.Join(", ", drift.DriftedFeatures)})",
        _ => drift.Verdict ?? Unknown,
    };

    private static string Alerts(DeviceRow row) => row.OpenAlerts switch
    {
        0 => "0",
        _ when row.AcknowledgedAlerts > 0 => string.Create(CultureInfo.InvariantCulture, $"{row.OpenAlerts} {row.WorstOpenSeverity} ({row.AcknowledgedAlerts} ack)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{row.OpenAlerts} {row.WorstOpenSeverity}"),
    };
}
