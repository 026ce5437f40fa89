namespace EdgeAgent.Fleet.Tests.Support;

/// <summary>Waits for a condition on state that raises no event (publisher counters, log entries), checking it every few milliseconds up to a timeout.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? DefaultTimeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        while (!condition())
        {
            try
            {
                await tick.WaitForNextTickAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited {timeout ?? DefaultTimeout} for {what}.");
            }
        }
    }
}
