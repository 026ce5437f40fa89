namespace EdgeAgent.Benchmarks;

/// <summary>
/// One way of running the model, timed call by call. Each case writes its own loop so that the call
/// is made directly (no delegate or virtual call per iteration) and nothing is allocated but what the
/// call itself allocates.
/// </summary>
internal abstract class BenchCase : IDisposable
{
    /// <summary>A short key (used in JSON).</summary>
    public abstract string Key { get; }

    /// <summary>What the case calls, for the table.</summary>
    public abstract string Label { get; }

    /// <summary>
    /// Makes <c>ticks.Length</c> calls and writes each call's Stopwatch ticks to <paramref name="ticks"/>.
    /// One timestamp per call, chained: call i lasts from the timestamp after call i-1 to the one after
    /// call i, so the per-call times add up to the whole loop.
    /// </summary>
    public abstract void Loop(Span<long> ticks);

    /// <summary>The first output after the latest call, to check that every case computes the same thing.</summary>
    public abstract ReadOnlySpan<float> FirstOutput { get; }

    /// <summary>Runs <see cref="Loop"/>, counting the managed bytes allocated and the gen0 collections.</summary>
    public LoopTotals Measure(Span<long> ticks)
    {
        int gen0 = GC.CollectionCount(0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Loop(ticks);
        long after = GC.GetAllocatedBytesForCurrentThread();
        return new LoopTotals(after - before, GC.CollectionCount(0) - gen0);
    }

    /// <inheritdoc />
    public abstract void Dispose();
}
