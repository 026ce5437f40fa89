namespace EdgeAgent.Sensing;

/// <summary>
/// A stream of sensor samples: every row holds one sample of each of <see cref="Channels"/>, in that order,
/// with its timestamp. Sources pace themselves (a simulator or replay by its <see cref="TimeProvider"/>, hardware by
/// its own clock). One reader at a time.
/// </summary>
public interface ISensorSource : IAsyncDisposable
{
    /// <summary>A short name for logs and the local page, e.g. <c>simulator</c>, <c>replay:train_FD001.txt</c>.</summary>
    string Name { get; }

    /// <summary>The channels of every row, in row order.</summary>
    IReadOnlyList<SensorChannel> Channels { get; }

    /// <summary>
    /// Clears <paramref name="block"/> and fills it with up to its capacity of rows, waiting for at least one.
    /// Returns false when the stream has ended (a replay reached its end); the block may still hold the last rows.
    /// </summary>
    /// <exception cref="SensorException">The source failed (a device vanished, a file is malformed); the message says where.</exception>
    ValueTask<bool> ReadAsync(SampleBlock block, CancellationToken cancellationToken);
}
