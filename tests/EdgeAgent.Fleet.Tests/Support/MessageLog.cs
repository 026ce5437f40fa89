namespace EdgeAgent.Fleet.Tests.Support;

/// <summary>Received messages in arrival order; tests wait on a condition over them.</summary>
internal sealed class MessageLog
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<ReceivedUplink> _messages = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ReceivedUplink> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public void Add(ReceivedUplink message)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _messages.Add(message);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Messages of one stream, in arrival order.</summary>
    public IReadOnlyList<ReceivedUplink> Of(string stream) => [.. Messages.Where(m => m.Stream == stream)];

    /// <summary>Waits until <paramref name="condition"/> holds for the messages received so far.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<ReceivedUplink>, bool> condition, string what, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            Task changed;
            List<ReceivedUplink> snapshot;
            lock (_gate)
            {
                snapshot = [.. _messages];
                changed = _changed.Task;
            }

            if (condition(snapshot))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                string streams = string.Join(", ", snapshot.GroupBy(m => m.Stream).Select(g => $"{g.Key}: {g.Count()}"));
                throw new TimeoutException($"Waited {timeout ?? DefaultTimeout} for {what}; received {snapshot.Count} messages ({streams}).");
            }
        }
    }

    /// <summary>Waits until the predictions received (counted once per message id) reach <paramref name="count"/>.</summary>
    public Task WaitForPredictionsAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(messages => UplinkAssert.UniquePredictionCount(messages) >= count, $"{count} predictions", timeout);
}
