using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.Mqtt.Tests;

/// <summary>One-shot waits on a client's events, armed before the action that should raise them.</summary>
public static class ClientSignals
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>Completes with the next <see cref="MqttClient.Connected"/>.</summary>
    public static Task<MqttConnectedEventArgs> NextConnected(MqttClient client)
    {
        var next = new TaskCompletionSource<MqttConnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnConnected(object? sender, MqttConnectedEventArgs e)
        {
            client.Connected -= OnConnected;
            next.TrySetResult(e);
        }

        client.Connected += OnConnected;
        return next.Task.WaitAsync(Timeout);
    }

    /// <summary>Completes with the next <see cref="MqttClient.Disconnected"/> that matches <paramref name="predicate"/>.</summary>
    public static Task<MqttDisconnectedEventArgs> NextDisconnected(MqttClient client, Func<MqttDisconnectedEventArgs, bool>? predicate = null)
    {
        var next = new TaskCompletionSource<MqttDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDisconnected(object? sender, MqttDisconnectedEventArgs e)
        {
            if (predicate is null || predicate(e))
            {
                client.Disconnected -= OnDisconnected;
                next.TrySetResult(e);
            }
        }

        client.Disconnected += OnDisconnected;
        return next.Task.WaitAsync(Timeout);
    }
}
