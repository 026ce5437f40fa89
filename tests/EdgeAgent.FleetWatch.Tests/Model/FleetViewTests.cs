using EdgeAgent.FleetWatch.Model;
using EdgeAgent.FleetWatch.Tests.Support;
using EdgeAgent.Storage;
using EdgeAgent.TestKit;

namespace EdgeAgent.FleetWatch.Tests.Model;

public sealed class FleetViewTests
{
    private static readonly TimeSpan OfflineAfter = TimeSpan.FromMinutes(5);
    private readonly ManualTimeProvider _time = new(Wire.T0.AddMinutes(10));
    private readonly FleetView _view;

    public FleetViewTests() => _view = new FleetView("plant-7", _time);

    private DeviceRow Row(string device = "dev1") => Assert.Single(_view.Snapshot(OfflineAfter), r => r.Device == device);

    private void Publish(string device, string stream, byte[] payload, bool retained = false) =>
        Assert.True(_view.Apply($"edge/plant-7/{device}/{stream}", payload, retained));

    [Fact]
    public void Apply_StatusThenLastWill_OnlineThenOfflineKeepingModel()
    {
        Publish("dev1", "status", Wire.Status(1, "1.4.2"));
        Assert.Equal(Presence.Online, Row().Presence);
        Assert.Equal(("bearing-ae", "1.4.2", "active", "healthy"), (Row().Model, Row().ModelVersion, Row().ModelState, Row().Health));

        Publish("dev1", "status", Wire.Text("offline"));

        DeviceRow row = Row();
        Assert.Equal(Presence.Offline, row.Presence);
        Assert.Equal("1.4.2", row.ModelVersion);
        Assert.Equal(0, row.Malformed);
    }

    [Fact]
    public void Apply_StatusAfterLastWill_OnlineAgainWhateverItsSequence()
    {
        Publish("dev1", "status", Wire.Status(5, "1.4.2"));
        Publish("dev1", "status", Wire.Text("offline"));
        Publish("dev1", "status", Wire.Status(5, "1.4.2")); // the same status sent again after the reconnect

        Assert.Equal(Presence.Online, Row().Presence);
    }

    [Fact]
    public void Apply_OlderStatusAfterNewer_KeepsNewer()
    {
        Publish("dev1", "status", Wire.Status(3, "1.5.0"));
        Publish("dev1", "status", Wire.Status(2, "1.4.2"));

        Assert.Equal("1.5.0", Row().ModelVersion);
    }

    [Fact]
    public void Apply_AlertsRaisedThenCleared_CountsOnlyOpenOnes()
    {
        Publish("dev1", "alerts", Wire.Alert(1, alert: 17, AlertState.Raised));
        Publish("dev1", "alerts", Wire.Alert(2, alert: 18, AlertState.Raised, AlertSeverity.Warning));
        Publish("dev1", "alerts", Wire.Alert(3, alert: 19, AlertState.Raised, AlertSeverity.Info));
        Assert.Equal((3, "critical"), (Row().OpenAlerts, Row().WorstOpenSeverity));

        Publish("dev1", "alerts", Wire.Alert(4, alert: 17, AlertState.Cleared));
        Publish("dev1", "alerts", Wire.Alert(5, alert: 18, AlertState.Acknowledged, AlertSeverity.Warning));

        DeviceRow row = Row();
        Assert.Equal(2, row.OpenAlerts);
        Assert.Equal(1, row.AcknowledgedAlerts);
        Assert.Equal("warning", row.WorstOpenSeverity);
    }

    [Fact]
    public void Apply_RepeatedOrLateAlert_DoesNotReopenIt()
    {
        Publish("dev1", "alerts", Wire.Alert(1, alert: 17, AlertState.Raised));
        Publish("dev1", "alerts", Wire.Alert(2, alert: 17, AlertState.Cleared));
        Publish("dev1", "alerts", Wire.Alert(1, alert: 17, AlertState.Raised)); // redelivered copy

        Assert.Equal(0, Row().OpenAlerts);
    }

    [Fact]
    public void Apply_DriftReports_KeepsLatestVerdictAndDriftedFeatures()
    {
        Publish("dev1", "drift", Wire.Drift(1, """{"psi":0.03,"verdict":"stable"}"""));
        Assert.Equal(("stable", 0), (Row().Drift!.Verdict, Row().Drift!.DriftedFeatures.Count));

        Publish("dev1", "drift", Wire.Gzip(Wire.Drift(2, """{"state":"drift","features":[{"name":"rms","drifted":true},{"name":"kurtosis","drifted":false},{"name":"temp","drifted":true}]}""")));

        DriftReading drift = Row().Drift!;
        Assert.Equal("drift", drift.Verdict);
        Assert.Equal(["rms", "temp"], drift.DriftedFeatures);
        Assert.Equal(Wire.T0, drift.At);
    }

    [Fact]
    public void Apply_DriftBodyWithoutVerdict_ShowsUnknownVerdictNotMalformed()
    {
        Publish("dev1", "drift", Wire.Drift(1, """{"psi":0.4,"drifted":["rms"]}"""));

        Assert.Null(Row().Drift!.Verdict);
        Assert.Equal(["rms"], Row().Drift!.DriftedFeatures);
        Assert.Equal(0, Row().Malformed);
    }

    [Fact]
    public void Apply_LastSeen_LiveMessagesUseTheClockRetainedStatusItsTimeWillNothing()
    {
        Publish("dev1", "status", Wire.Status(1, "1.4.2", at: Wire.T0), retained: true);
        Assert.Equal(Wire.T0, Row().LastSeen);

        _time.Advance(TimeSpan.FromSeconds(30));
        Publish("dev1", "predictions", Wire.Drift(1, "{}"));
        DateTimeOffset seen = _time.GetUtcNow();
        Assert.Equal(seen, Row().LastSeen);

        _time.Advance(TimeSpan.FromSeconds(30));
        Publish("dev1", "status", Wire.Text("offline"));
        Assert.Equal(seen, Row().LastSeen);
    }

    [Fact]
    public void Snapshot_OnlineButQuietPastOfflineAfter_IsSilent()
    {
        Publish("dev1", "status", Wire.Status(1, "1.4.2"));
        _time.Advance(OfflineAfter);
        Assert.Equal(Presence.Online, Row().Presence);

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(Presence.Silent, Row().Presence);
    }

    [Fact]
    public void Snapshot_OldRetainedOnlineStatus_OnlineUntilWatchedForOfflineAfter()
    {
        Publish("dev1", "status", Wire.Status(1, "1.4.2", at: Wire.T0), retained: true); // 10 min before the view started
        Assert.Equal(Presence.Online, Row().Presence);

        _time.Advance(OfflineAfter + TimeSpan.FromSeconds(1));

        Assert.Equal(Presence.Silent, Row().Presence);
    }

    [Fact]
    public void Apply_MalformedPayloads_CountedPerDeviceAndOthersStillFolded()
    {
        Publish("dev1", "status", Wire.Text("{not json"));
        Publish("dev1", "alerts", Wire.Text("""{"v":1,"id":"e:1","seq":1,"state":"raised"}""")); // no alert id
        Publish("dev1", "drift", [0x1F, 0x8B, 0x00, 0x01]); // gzip magic, broken stream
        Publish("dev1", "predictions", Wire.Text("""{"rows":[]}""")); // no header
        Publish("dev1", "predictions", Wire.Text("""{"v":1,"id":"e:1","seq":"one"}""")); // seq not a number
        Publish("dev1", "alerts", Wire.Text("""{"v":1,"id":"e:1","seq":1,"alert":"17","state":"raised"}""")); // alert id not a number
        Publish("dev1", "status", Wire.Text("""{"v":2,"id":"e:1","seq":1,"agent":"2","health":"ok"}"""));
        Publish("dev2", "alerts", Wire.Alert(1, alert: 1, AlertState.Raised));
        Publish("dev1", "alerts", Wire.Alert(1, alert: 1, AlertState.Raised));

        DeviceRow row = Row();
        Assert.Equal(7, row.Malformed);
        Assert.Contains("format version 2", row.LastProblem, StringComparison.Ordinal);
        Assert.Equal(1, row.OpenAlerts);
        Assert.Equal(0, Row("dev2").Malformed);
    }

    [Fact]
    public void Apply_TopicOutsideTheFleetsDeviceStreams_Ignored()
    {
        Assert.False(_view.Apply("edge/other/dev1/status", Wire.Status(1, "1"), retained: false));
        Assert.False(_view.Apply("edge/plant-7/dev1/cmd/ping", Wire.Text("x"), retained: false));
        Assert.False(_view.Apply("fleet/plant-7/rollouts/m", Wire.Text("x"), retained: true));

        Assert.Empty(_view.Snapshot(OfflineAfter));
    }
}
