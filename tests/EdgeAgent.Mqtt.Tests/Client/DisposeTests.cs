using System.Text;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.TestKit;

namespace EdgeAgent.Mqtt.Tests.Client;

public sealed class DisposeTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task DisposeAsync_WhileMessagesStreamIn_NoHandlerRunsAfterItReturns()
    {
        await using var publisher = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("stream-pub")));
        var subscriber = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("stream-sub")));
        int handled = 0;
        int afterDispose = 0;
        bool disposed = false;
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await subscriber.ConnectAsync();
        await subscriber.SubscribeAsync("stream/#", MqttQos.AtLeastOnce, (_, _) =>
        {
            if (Volatile.Read(ref disposed))
            {
                Interlocked.Increment(ref afterDispose);
            }

            Interlocked.Increment(ref handled);
            first.TrySetResult();
            return Task.CompletedTask;
        });
        await publisher.ConnectAsync();

        using var stopPublishing = new CancellationTokenSource();
        Task stream = Task.Run(async () =>
        {
            for (int i = 0; !stopPublishing.IsCancellationRequested; i++)
            {
                await publisher.PublishAsync("stream/data", Encoding.UTF8.GetBytes($"m{i}"), MqttQos.AtMostOnce);
                if (i % 50 == 0)
                {
                    await publisher.PublishAsync("stream/data", Encoding.UTF8.GetBytes($"q{i}"), MqttQos.AtLeastOnce); // paces the stream
                }
            }
        });
        await first.Task.WaitAsync(Timeout);

        await subscriber.DisposeAsync();
        Volatile.Write(ref disposed, true);
        int handledAtDispose = Volatile.Read(ref handled);

        // Keep the stream going for a while; every QoS 1 round trip proves the broker has passed on what came before it.
        for (int i = 0; i < 20; i++)
        {
            await publisher.PublishAsync("stream/data", Encoding.UTF8.GetBytes($"after{i}"), MqttQos.AtLeastOnce);
        }

        await stopPublishing.CancelAsync();
        await stream.WaitAsync(Timeout);

        Assert.True(handledAtDispose >= 1);
        Assert.Equal(0, Volatile.Read(ref afterDispose));
        Assert.Equal(handledAtDispose, Volatile.Read(ref handled));
        Assert.Throws<ObjectDisposedException>(() => { _ = subscriber.PublishAsync("stream/data", "x"u8.ToArray(), MqttQos.AtLeastOnce); });
        Assert.Throws<ObjectDisposedException>(() => { _ = subscriber.SubscribeAsync("stream/#", MqttQos.AtLeastOnce, (_, _) => Task.CompletedTask); });
        Assert.Throws<ObjectDisposedException>(subscriber.Start);
    }

    [Fact]
    public async Task DisposeAsync_HandlerRunning_CancelsItsTokenAndWaitsForIt()
    {
        var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("slow")));
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task? dispose = null;
        bool disposeDoneWhenHandlerReturned = true;
        await client.ConnectAsync();
        await client.SubscribeAsync("slow/#", MqttQos.AtLeastOnce, async (_, token) =>
        {
            using CancellationTokenRegistration registration = token.Register(() => cancelled.TrySetResult());
            entered.TrySetResult();
            await release.Task;
            disposeDoneWhenHandlerReturned = Volatile.Read(ref dispose)!.IsCompleted;
        });
        await client.PublishAsync("slow/1", "x"u8.ToArray(), MqttQos.AtLeastOnce);
        await entered.Task.WaitAsync(Timeout);

        Volatile.Write(ref dispose, client.DisposeAsync().AsTask());
        await cancelled.Task.WaitAsync(Timeout);
        Assert.False(dispose.IsCompleted);

        release.SetResult();
        await dispose.WaitAsync(Timeout);
        Assert.False(disposeDoneWhenHandlerReturned);
    }

    [Fact]
    public async Task DisposeAsync_FromInsideAHandler_CompletesWithoutDeadlock()
    {
        var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("self")));
        var disposedInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await client.ConnectAsync();
        await client.SubscribeAsync("self/#", MqttQos.AtLeastOnce, async (_, _) =>
        {
            await client.DisposeAsync();
            disposedInside.TrySetResult();
        });
        await client.PublishAsync("self/1", "x"u8.ToArray(), MqttQos.AtLeastOnce);

        await disposedInside.Task.WaitAsync(Timeout);
        await client.DisposeAsync(); // a second call returns the same completed disposal
    }

    [Fact]
    public async Task DisposeAsync_QosOnePublishAwaitingPuback_FailsItClearly()
    {
        var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("abandon")));
        await client.ConnectAsync();
        Task<MqttDisconnectedEventArgs> lost = ClientSignals.NextDisconnected(client);
        await _broker.StopAsync();
        await lost;
        Task publish = client.PublishAsync("edge/f1/d1/alerts", "x"u8.ToArray(), MqttQos.AtLeastOnce);

        await client.DisposeAsync();

        var e = await Assert.ThrowsAsync<MqttException>(() => publish);
        Assert.Contains("disposed before the broker acknowledged the publish to 'edge/f1/d1/alerts'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_NeverStarted_ReleasesEverything()
    {
        var client = new MqttClient(TestOptions.For(_broker, TestOptions.UniqueId("idle")));
        await client.SubscribeAsync("idle/#", MqttQos.AtLeastOnce, (_, _) => Task.CompletedTask);
        await client.DisposeAsync();
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task ConnectAsync_WaitingWhenDisposed_FailsWithObjectDisposed()
    {
        await _broker.StopAsync();
        MqttClientOptions options = TestOptions.For(_broker, TestOptions.UniqueId("waiting"));
        options.MinReconnectDelay = options.MaxReconnectDelay = TimeSpan.FromMinutes(1); // no second attempt during the test
        var client = new MqttClient(options);
        Task<MqttDisconnectedEventArgs> firstAttemptFailed = ClientSignals.NextDisconnected(client);
        client.Start();
        await firstAttemptFailed;
        Task connect = client.ConnectAsync(); // waits for the next attempt

        await client.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => connect.WaitAsync(Timeout));
    }
}
