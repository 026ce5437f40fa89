using System.Collections.Concurrent;
using System.Text;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.TestKit;

namespace EdgeAgent.Agent.Tests;

/// <summary>The agent with <c>Uplink:Enabled</c> against a real mosquitto on 127.0.0.1.</summary>
[Collection(AgentCollection.Name)]
public sealed class FleetLinkTests(DemoModelFixture demo)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Agent_UplinkEnabled_StatusPredictionsAndDriftReachTheFleetAndTheStatusGoesOfflineOnStop()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        var received = new ConcurrentQueue<MqttMessage>();
        var arrived = new SemaphoreSlim(0);
        await using var fleet = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = "fleet-manager" });
        await fleet.SubscribeAsync("edge/plant-3/test-device/#", MqttQos.AtLeastOnce, (message, _) =>
        {
            received.Enqueue(message);
            arrived.Release();
            return Task.CompletedTask;
        });
        fleet.Start();
        await fleet.ConnectAsync(CancellationToken.None);

        string work = demo.NewWorkDir();
        await using RunningProcess agent = AgentRun.Start(
            demo.PackagePath,
            work,
            "--Uplink:Enabled=true",
            "--Agent:Fleet=plant-3",
            $"--Mqtt:Host={broker.Host}",
            $"--Mqtt:Port={broker.Port}",
            "--Uplink:PredictionBatchSize=50",
            "--Uplink:PredictionBatchDelay=00:00:00.200",
            // Thresholds far below any real batch: the first verdict is a drift, and it must reach the fleet.
            "--Drift:WindowCount=10",
            "--Drift:EvaluateEvery=10",
            "--Drift:MinimumWindows=10",
            "--Drift:PsiThreshold=0.000001",
            "--Drift:DistanceThreshold=0.000001");

        await WaitForAsync(() => received.Any(m => m.Topic.EndsWith("/status", StringComparison.Ordinal) && Text(m).Contains("demo-bearing", StringComparison.Ordinal)), "the status naming the model", agent, arrived);
        await WaitForAsync(() => received.Any(m => m.Topic == "edge/plant-3/test-device/predictions"), "a prediction batch", agent, arrived);
        Assert.Contains(received, m => m.UserProperties.Any(p => p.Key == "id"));
        await WaitForAsync(() => received.Any(m => m.Topic == "edge/plant-3/test-device/drift" && Decoded(m).Contains("\"state\":\"Drift\"", StringComparison.Ordinal)), "a drift report naming the state", agent, arrived);

        Assert.Equal(0, await agent.TerminateAsync(Patience));
        await WaitForAsync(() => received.Any(m => m.Topic.EndsWith("/status", StringComparison.Ordinal) && Text(m) == "offline"), "the Last Will 'offline' on the status topic", agent, arrived);
    }

    [Fact]
    public async Task Agent_BrokerRefusesTheCredentials_ClearLogLinePageShowsWhyAndServingGoesOn()
    {
        string work = demo.NewWorkDir();
        string passwords = Path.Combine(work, "passwd");
        ProcessResult made = await ProcessRunner.RunAsync("/usr/bin/mosquitto_passwd", ["-c", "-b", passwords, "test-device", "right-password"], Patience);
        Assert.True(made.ExitCode == 0, made.Describe());
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync([$"password_file {passwords}"], allowAnonymous: false);

        await using RunningProcess agent = AgentRun.Start(
            demo.PackagePath,
            work,
            "--Uplink:Enabled=true",
            $"--Mqtt:Host={broker.Host}",
            $"--Mqtt:Port={broker.Port}",
            "--Mqtt:Username=test-device",
            "--Mqtt:Password=wrong-password",
            "--Pipeline:StopWhenSourceEnds=false",
            "--LocalPage:Enabled=true",
            "--LocalPage:Url=http://127.0.0.1:0",
            $"--LocalPage:AckTokenFile={Path.Combine(work, "ack-token")}");

        await agent.WaitForLineAsync($@"MQTT connection refused by 127\.0\.0\.1:{broker.Port}: .*[Nn]ot authori[sz]ed", Patience);
        System.Text.RegularExpressions.Match url = await agent.WaitForLineAsync(@"Local page at (http://127\.0\.0\.1:\d+/)$", Patience);
        using var http = new HttpClient { BaseAddress = new Uri(url.Groups[1].Value) };
        using var limit = new CancellationTokenSource(Patience);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        string? detail = null;
        while (detail?.Contains("cannot connect", StringComparison.Ordinal) != true && await tick.WaitForNextTickAsync(limit.Token))
        {
            using System.Text.Json.JsonDocument status = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/status", UriKind.Relative), limit.Token));
            System.Text.Json.JsonElement uplink = status.RootElement.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "uplink");
            Assert.False(uplink.GetProperty("healthy").GetBoolean());
            detail = uplink.GetProperty("detail").GetString();
        }

        Assert.Matches("cannot connect to 127.0.0.1:\\d+: .*[Nn]ot authori[sz]ed", detail);

        // Serving and storing go on, and the agent did not restart or stop.
        await agent.WaitForLineAsync("First prediction", Patience);
        Assert.False(agent.HasExited, agent.Output);
        Assert.Equal(0, await agent.TerminateAsync(Patience));
        using Microsoft.Data.Sqlite.SqliteConnection store = AgentRun.OpenStore(work);
        Assert.True(AgentRun.Scalar(store, "SELECT count(*) FROM predictions") > 0);
    }

    private static string Text(MqttMessage message) => Encoding.UTF8.GetString(message.Payload.Span);

    /// <summary>An uplink message's JSON, gunzipped when the agent compressed it.</summary>
    private static string Decoded(MqttMessage message)
    {
        using System.Text.Json.JsonDocument document = EdgeAgent.Fleet.Payloads.PayloadReader.Parse(message.Payload.Span);
        return document.RootElement.GetRawText();
    }

    private static async Task WaitForAsync(Func<bool> condition, string what, RunningProcess agent, SemaphoreSlim arrived)
    {
        using var limit = new CancellationTokenSource(Patience);
        while (!condition())
        {
            try
            {
                await arrived.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No {what} within {Patience}. Agent output:\n{agent.Output}");
            }
        }
    }
}
