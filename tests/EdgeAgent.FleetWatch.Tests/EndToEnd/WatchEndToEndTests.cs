using System.Globalization;
using System.Text.RegularExpressions;
using EdgeAgent.Fleet.Payloads;
using EdgeAgent.FleetWatch.Tests.Support;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.Storage;
using EdgeAgent.TestKit;

namespace EdgeAgent.FleetWatch.Tests.EndToEnd;

/// <summary>edgeagent-fleet against a real mosquitto, with two simulated devices publishing in the wire format.</summary>
public sealed class WatchEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _fleet = $"fleet-{Guid.NewGuid():N}"[..14];
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    private string[] WatchArgs(params string[] more) =>
        ["watch", "--fleet", _fleet, "--host", _broker.Host, "--port", _broker.Port.ToString(CultureInfo.InvariantCulture), .. more];

    private MqttClient Device(string device, int port) => new(new MqttClientOptions
    {
        Host = _broker.Host,
        Port = port,
        ClientId = device,
        WillTopic = Topic(device, "status"), // "offline", retained, as the agent configures it
        MinReconnectDelay = TimeSpan.FromSeconds(30), // stays away once its link is cut, like a dead device
        MaxReconnectDelay = TimeSpan.FromSeconds(30),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    });

    private string Topic(string device, string stream) => $"edge/{_fleet}/{device}/{stream}";

    private static Task Send(MqttClient device, string topic, byte[] payload, bool retain = false)
    {
        (_, string id, _) = PayloadReader.ReadHeader(payload);
        return device.PublishAsync(topic, payload, MqttQos.AtLeastOnce, retain, WireProperties.For(id, payload));
    }

    [Fact]
    public async Task Watch_DeviceLinkCut_TableShowsItOfflineWithModelAlertsAndDrift()
    {
        await using RunningProcess watch = FleetWatchCli.Start(WatchArgs());
        await watch.WaitForLineAsync($"^watching edge/{_fleet}/\\+/\\+ on ", Wait);

        await using var relay = new TcpRelay(_broker.Port);
        await using MqttClient deviceA = Device("dev-a", _broker.Port);
        await using MqttClient deviceB = Device("dev-b", relay.Port);
        await deviceA.ConnectAsync();
        await deviceB.ConnectAsync();

        await Send(deviceA, Topic("dev-a", "status"), Wire.Status(1, "1.4.2"), retain: true);
        await Send(deviceA, Topic("dev-a", "drift"), Wire.Drift(1, """{"psi":0.03,"verdict":"stable"}"""));
        await Send(deviceB, Topic("dev-b", "status"), Wire.Status(1, "1.5.0"), retain: true);
        await Send(deviceB, Topic("dev-b", "alerts"), Wire.Alert(1, alert: 7, AlertState.Raised));
        await Send(deviceB, Topic("dev-b", "alerts"), Wire.Alert(2, alert: 8, AlertState.Raised, AlertSeverity.Warning));
        await Send(deviceB, Topic("dev-b", "alerts"), Wire.Alert(3, alert: 8, AlertState.Cleared, AlertSeverity.Warning));
        await Send(deviceB, Topic("dev-b", "drift"), Wire.Gzip(Wire.Drift(1, """{"state":"drift","drifted":["rms","temp"],"pad":"0000000000000000000000000000000000000000000000000000000000000000"}""")));
        await deviceB.PublishAsync(Topic("dev-b", "predictions"), Wire.Text("""{"v":1,"id":"x:1","seq":"one"}"""), MqttQos.AtLeastOnce); // malformed
        await watch.WaitForLineAsync(@"^dev-b\s+online\s+bearing-ae\s+1\.5\.0\s+.*\s+drift \(rms, temp\)\s+1 critical\s+1$", Wait);

        relay.Cut(); // RST, no DISCONNECT: the broker publishes dev-b's Will

        await watch.WaitForLineAsync(@"^dev-b\s+offline\s+bearing-ae\s+1\.5\.0\s+active\s+healthy\s+.*\s+drift \(rms, temp\)\s+1 critical\s+1$", Wait);
        await watch.WaitForLineAsync(@"^dev-a\s+online\s+bearing-ae\s+1\.4\.2\s+active\s+healthy\s+.*\s+stable\s+0\s+0$", Wait);
        await watch.WaitForLineAsync(@": 2 device\(s\), 1 online, 1 offline, 0 silent, 1 open alert\(s\)", Wait);
        Assert.Equal(0, await watch.TerminateAsync(Wait));

        // A watcher that comes later sees only what the broker retains: the statuses, dev-b's now the Will.
        ProcessResult once = await FleetWatchCli.RunAsync(Wait, WatchArgs("--once", "--timeout", "10s"));
        Assert.True(once.ExitCode == 0, once.Describe());
        Assert.True(Regex.IsMatch(once.Output, @"(?m)^dev-a\s+online\s+bearing-ae\s+1\.4\.2\s+active\s+healthy\s"), once.Describe());
        Assert.True(Regex.IsMatch(once.Output, @"(?m)^dev-b\s+offline\s+—\s+—\s+—\s+—\s+—\s+—\s+0\s+0\s*$"), once.Describe());
    }
}
