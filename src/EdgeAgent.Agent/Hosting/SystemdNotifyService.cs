using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Agent.Hosting;

/// <summary>
/// Tells systemd the agent's state: READY=1 once every service has started, WATCHDOG=1 at half the
/// watchdog interval while running, STOPPING=1 when shutdown begins. Does nothing outside systemd.
/// </summary>
internal sealed class SystemdNotifyService(SystemdNotifier notifier, SystemdEnvironment environment, TimeProvider time, ILogger<SystemdNotifyService> logger)
    : IHostedLifecycleService, IDisposable
{
    private ITimer? _watchdog;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!notifier.IsEnabled)
        {
            return Task.CompletedTask;
        }

        Send("READY=1");
        if (environment.WatchdogInterval is { } interval)
        {
            TimeSpan period = interval / 2;
            _watchdog = time.CreateTimer(_ => Send("WATCHDOG=1"), null, period, period);
            HostingLog.WatchdogEnabled(logger, period);
        }

        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _watchdog?.Dispose();
        if (notifier.IsEnabled)
        {
            Send("STOPPING=1");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _watchdog?.Dispose();

    private void Send(string state)
    {
        if (!notifier.Notify(state))
        {
            HostingLog.NotifyFailed(logger, state, environment.NotifySocket ?? "");
        }
    }
}
