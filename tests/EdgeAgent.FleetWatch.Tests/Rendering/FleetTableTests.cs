using EdgeAgent.FleetWatch.Model;
using EdgeAgent.FleetWatch.Rendering;

namespace EdgeAgent.FleetWatch.Tests.Rendering;

public sealed class FleetTableTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_KnownAndUnknownDevices_ColumnsAlignedAndUnknownsDashed()
    {
        DeviceRow[] rows =
        [
            new("dev-a", Presence.Online, "1.0.0", "bearing-ae", "1.4.2", "active", "healthy", Now.AddSeconds(-12),
                new DriftReading("drift", ["rms", "temp"], Now), 2, 1, "critical", 0, null),
            new("dev-b", Presence.Unknown, null, null, null, null, null, null, null, 0, 0, null, 3, "status: not JSON"),
        ];

        string[] lines = FleetTable.Render("plant-7", rows, Now).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("fleet plant-7 at 2026-01-01 12:00:00Z: 2 device(s), 1 online, 0 offline, 0 silent, 2 open alert(s)", lines[0].TrimEnd());
        Assert.StartsWith("DEVICE  STATUS   MODEL       VERSION  MODEL STATE  HEALTH   LAST SEEN  DRIFT", lines[1], StringComparison.Ordinal);
        Assert.Equal("dev-a   online   bearing-ae  1.4.2    active       healthy  12s ago    drift (rms, temp)  2 critical (1 ack)  0", lines[2].TrimEnd());
        Assert.Equal("dev-b   unknown  —           —        —            —        —          —                  0                   3", lines[3].TrimEnd());
        Assert.Equal("dev-b: 3 malformed, latest status: not JSON", lines[4].TrimEnd());
    }

    [Fact]
    public void Render_NoDevices_SaysSo()
    {
        Assert.Contains("(no device has published yet)", FleetTable.Render("f", [], Now), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.4, "now")]
    [InlineData(59, "59s ago")]
    [InlineData(61, "1m ago")]
    [InlineData(7200, "2h ago")]
    [InlineData(200000, "2d ago")]
    public void Ago_Durations_Shortened(double seconds, string expected) => Assert.Equal(expected, FleetTable.Ago(TimeSpan.FromSeconds(seconds)));
}
