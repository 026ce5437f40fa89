using System.Diagnostics;

namespace EdgeAgent.Agent.Status;

/// <summary>How long ago this process started (as the kernel saw it, runtime start-up included).</summary>
internal static class ProcessClock
{
    private static readonly DateTimeOffset Started = new(Process.GetCurrentProcess().StartTime.ToUniversalTime(), TimeSpan.Zero);

    public static TimeSpan SinceStart => TimeProvider.System.GetUtcNow() - Started;
}
