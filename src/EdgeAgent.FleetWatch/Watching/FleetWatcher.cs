using EdgeAgent.FleetWatch.Model;
using EdgeAgent.FleetWatch.Rendering;
using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.FleetWatch.Watching;

/// <summary>
/// Connects to the broker, subscribes to the fleet's device streams, folds every message into a <see cref="FleetView"/>
/// and shows it: once (<c>--once</c>), as a table printed after each change (output redirected), or redrawn in place.
/// </summary>
internal sealed class FleetWatcher(WatchSettings settings, TextWriter output, TextWriter error, bool outputRedirected, TimeProvider time)
{
    private readonly FleetView _view = new(settings.Fleet, time);

    /// <summary>Watches until done (<c>--once</c>) or cancelled; returns the exit status (1: no broker).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        string filter = FleetTopic.Filter(settings.Fleet);
        string where = $"{settings.Broker.Host}:{settings.Broker.EffectivePort}";
        await using var client = new MqttClient(settings.Broker, logger: null, time);
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            limit.CancelAfter(settings.Timeout);
            try
            {
                await client.ConnectAsync(limit.Token);
                await client.SubscribeAsync(filter, MqttQos.AtLeastOnce, Receive, limit.Token);
            }
            catch (MqttException e)
            {
                await error.WriteLineAsync($"error: cannot watch {filter} on {where}: {e.Message}");
                return 1;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync($"error: no connection to {where} within {settings.Timeout}: {client.LastConnectError ?? "no answer"}");
                return 1;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }

        client.Disconnected += (_, e) => error.WriteLine($"link to {where} lost ({e.Reason}); reconnecting");
        client.Connected += (_, _) => error.WriteLine($"reconnected to {where}");
        await error.WriteLineAsync($"watching {filter} on {where}");
        try
        {
            if (settings.Once)
            {
                await SettleAsync(cancellationToken);
                await output.WriteAsync(Table());
                await output.FlushAsync(CancellationToken.None);
            }
            else if (outputRedirected)
            {
                await PrintChangesAsync(cancellationToken);
            }
            else
            {
                await new LiveScreen(output, time).RunAsync(_view, Table, () => client.IsConnected, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: a normal end of a live watch.
        }

        return 0;
    }

    private Task Receive(MqttMessage message, CancellationToken cancellationToken)
    {
        _view.Apply(message);
        return Task.CompletedTask;
    }

    private string Table() => FleetTable.Render(settings.Fleet, _view.Snapshot(settings.OfflineAfter), time.GetUtcNow());

    /// <summary>Waits until nothing new arrived for <see cref="WatchSettings.SettleTime"/>, or <see cref="WatchSettings.Timeout"/> in all.</summary>
    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset start = time.GetUtcNow();
        DateTimeOffset quietSince = start;
        long version = _view.Version;
        while (true)
        {
            await Task.Delay(WatchSettings.PollInterval, time, cancellationToken);
            DateTimeOffset now = time.GetUtcNow();
            if (_view.Version != version)
            {
                version = _view.Version;
                quietSince = now;
            }

            if (now - quietSince >= WatchSettings.SettleTime || now - start >= settings.Timeout)
            {
                return;
            }
        }
    }

    /// <summary>Prints the table whenever something changed since the last print, at most once a poll interval.</summary>
    private async Task PrintChangesAsync(CancellationToken cancellationToken)
    {
        long printed = -1;
        while (true)
        {
            long version = _view.Version;
            if (version != printed)
            {
                printed = version;
                await output.WriteLineAsync(Table());
                await output.FlushAsync(cancellationToken);
            }

            await Task.Delay(WatchSettings.PollInterval, time, cancellationToken);
        }
    }
}
