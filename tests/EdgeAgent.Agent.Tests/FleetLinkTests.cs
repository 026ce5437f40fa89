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
    public async Task Agent_UplinkEnabled_StatusAndPredictionsReachTheFleetAndTheStatusGoesOfflineOnStop()
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
            "--Uplink:PredictionBatchDelay=00:00:00.200");

        await WaitForAsync(() => received.Any(m => m.Topic.EndsWith("/status", StringComparison.Ordinal) && Text(m).Contains("demo-bearing", StringComparison.Ordinal)), "the status naming the model", agent, arrived);
        await WaitForAsync(() => received.Any(m => m.Topic == "edge/plant-3/test-device/predictions"), "a prediction batch", agent, arrived);
        Assert.Contains(received, m => m.UserProperties.Any(p => p.Key == "id"));

        Assert.Equal(0, await agent.TerminateAsync(Patience));
        await WaitForAsync(() => received.Any(m => m.Topic.EndsWith("/status", StringComparison.Ordinal) && Text(m) == "offline"), "the Last Will 'offline' on the status topic", agent, arrived);
    }

    private static string Text(MqttMessage message) => Encoding.UTF8.GetString(message.Payload.Span);

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
