using System.Diagnostics;
using System.Text;
using EdgeAgent.Fleet.Payloads;
using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.FleetBench;

/// <summary>The baseline: the MQTT client alone publishing one prediction per QoS 1 message, a window of them awaiting PUBACK, no store.</summary>
internal static class RawPublishBench
{
    public static async Task<(double MessagesPerSecond, int WireBytes)> RunAsync(int port, int messages, int window)
    {
        await using BenchSubscriber fleet = await BenchSubscriber.StartAsync(port, "raw/#", decodeBatches: false);
        await using var client = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = port, ClientId = "bench-raw" });
        await client.ConnectAsync();
        byte[] payload = Encoding.UTF8.GetBytes("""{"id":123456,"t":1767225600000,"window":4711,"score":0.04231811,"flags":0,"model":"bearing-ae 1.4.2","values":{"score":0.04231811,"rul":152.89}}""");
        const string topic = "raw/fleet1/dev1/predictions";
        Task arrived = fleet.WaitForAsync(messages);

        var inFlight = new Queue<Task>(window);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < messages; i++)
        {
            if (inFlight.Count == window)
            {
                await inFlight.Dequeue();
            }

            KeyValuePair<string, string>[] properties = [new(WireProperties.MessageId, MessageId.Format("5f3a9c2e7b1d4a60", 100_000 + i))];
            inFlight.Enqueue(client.PublishAsync(topic, payload, MqttQos.AtLeastOnce, userProperties: properties));
        }

        await Task.WhenAll(inFlight);
        double seconds = clock.Elapsed.TotalSeconds;
        await arrived.WaitAsync(TimeSpan.FromSeconds(60));
        return (messages / seconds, MqttWireSize.Publish(topic, [new(WireProperties.MessageId, "5f3a9c2e7b1d4a60:123456")], payload.Length));
    }
}
