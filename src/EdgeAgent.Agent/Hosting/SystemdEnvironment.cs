using System.Globalization;

namespace EdgeAgent.Agent.Hosting;

/// <summary>What systemd tells a service through its environment: where to send notifications and how often to pet the watchdog.</summary>
/// <param name="NotifySocket">The <c>NOTIFY_SOCKET</c> path (a leading '@' means the abstract namespace), or null when not run by systemd with Type=notify.</param>
/// <param name="WatchdogInterval">From <c>WATCHDOG_USEC</c>, or null when the watchdog is off.</param>
public sealed record SystemdEnvironment(string? NotifySocket, TimeSpan? WatchdogInterval)
{
    /// <summary>Reads the process environment.</summary>
    public static SystemdEnvironment FromProcess() => Parse(
        Environment.GetEnvironmentVariable("NOTIFY_SOCKET"),
        Environment.GetEnvironmentVariable("WATCHDOG_USEC"),
        Environment.GetEnvironmentVariable("WATCHDOG_PID"),
        Environment.ProcessId);

    /// <summary>Parses the variables; a watchdog meant for another process (WATCHDOG_PID) is ignored.</summary>
    public static SystemdEnvironment Parse(string? notifySocket, string? watchdogUsec, string? watchdogPid, int processId)
    {
        TimeSpan? watchdog = null;
        bool forUs = string.IsNullOrEmpty(watchdogPid) || watchdogPid == processId.ToString(CultureInfo.InvariantCulture);
        if (forUs && long.TryParse(watchdogUsec, NumberStyles.None, CultureInfo.InvariantCulture, out long usec) && usec > 0)
        {
            watchdog = TimeSpan.FromMicroseconds(usec);
        }

        return new SystemdEnvironment(string.IsNullOrEmpty(notifySocket) ? null : notifySocket, watchdog);
    }
}
