using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.Broker.Tests;

/// <summary>Every wait in these tests has a limit: a broker that never answers fails the test instead of hanging the run.</summary>
public static class Waits
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary><paramref name="task"/>, failed with <see cref="TimeoutException"/> when not done within <see cref="Timeout"/>.</summary>
    public static Task Within(this Task task) => task.WaitAsync(Timeout);

    /// <summary>Completes with the next <see cref="MqttClient.Disconnected"/> that matches <paramref name="predicate"/>, within <see cref="Timeout"/>; arm it before the action.</summary>
    public static Task<MqttDisconnectedEventArgs> NextDisconnected(MqttClient client, Func<MqttDisconnectedEventArgs, bool> predicate)
    {
        var next = new TaskCompletionSource<MqttDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDisconnected(object? sender, MqttDisconnectedEventArgs e)
        {
            if (predicate(e))
            {
                client.Disconnected -= OnDisconnected;
                next.TrySetResult(e);
            }
        }

        client.Disconnected += OnDisconnected;
        return next.Task.WaitAsync(Timeout);
    }
}
