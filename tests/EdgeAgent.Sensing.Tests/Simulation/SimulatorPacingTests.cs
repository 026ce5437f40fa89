using EdgeAgent.Sensing.Simulation;
using EdgeAgent.TestKit;

namespace EdgeAgent.Sensing.Tests.Simulation;

/// <summary>
/// Pacing on a <see cref="ManualTimeProvider"/>: its timers fire inside <see cref="ManualTimeProvider.Advance"/>,
/// and the source continues on that thread, so right after an advance a read has either finished or is waiting again.
/// </summary>
public sealed class SimulatorPacingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadAsync_RealTime_WaitsUntilBlockRowsAreDue()
    {
        var clock = new ManualTimeProvider(Start);
        await using var source = new SimulatorSource(Paced(speed: 1, blockRows: 10), clock);
        var block = new SampleBlock(5, 100);

        Task<bool> read = source.ReadAsync(block, CancellationToken.None).AsTask();
        Assert.False(read.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(8)); // rows 0..8 due; 10 are wanted
        Assert.False(read.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(await read.WaitAsync(Timeout));
        Assert.Equal(10, block.Count);
        Assert.Equal(Start.AddMilliseconds(9), block.Timestamp(9));
    }

    [Fact]
    public async Task ReadAsync_RealTime_NeverGivesRowsAheadOfElapsedTime()
    {
        var clock = new ManualTimeProvider(Start);
        await using var source = new SimulatorSource(Paced(speed: 1, blockRows: 10), clock);
        var block = new SampleBlock(5, 1_000);
        Task<bool> first = source.ReadAsync(block, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(9));
        await first.WaitAsync(Timeout);

        // 55 ms later the rows up to 64 ms are due: 10..64, no more, though the block has room.
        clock.Advance(TimeSpan.FromMilliseconds(55));
        ValueTask<bool> second = source.ReadAsync(block, CancellationToken.None);
        Assert.True(second.IsCompleted);
        await second;
        Assert.Equal(55, block.Count);
        Assert.Equal(Start.AddMilliseconds(10), block.Timestamp(0));
        Assert.Equal(Start.AddMilliseconds(64), block.Timestamp(54));

        Task<bool> third = source.ReadAsync(block, CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(10));
        await third.WaitAsync(Timeout);
        Assert.Equal(Start.AddMilliseconds(74), block.Timestamp(block.Count - 1));
    }

    [Fact]
    public async Task ReadAsync_BlockRowsNotSet_WaitsForTwentyFiveMillisecondsOfRows()
    {
        var clock = new ManualTimeProvider(Start);
        SimulatorOptions options = Paced(speed: 1, blockRows: 1);
        options.BlockRows = null;
        await using var source = new SimulatorSource(options, clock);
        var block = new SampleBlock(5, 1_000);

        Task<bool> read = source.ReadAsync(block, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(23));
        Assert.False(read.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await read.WaitAsync(Timeout);

        Assert.Equal(25, block.Count); // rows 0..24 at 1 kHz
    }

    [Fact]
    public async Task ReadAsync_DoubleSpeed_GivesTwiceTheStreamTimePerRealSecond()
    {
        var clock = new ManualTimeProvider(Start);
        await using var source = new SimulatorSource(Paced(speed: 2, blockRows: 1), clock);
        var block = new SampleBlock(5, 1_000);
        Assert.True(await source.ReadAsync(block, CancellationToken.None).AsTask().WaitAsync(Timeout)); // row 0, due at once
        Assert.Equal(1, block.Count);

        clock.Advance(TimeSpan.FromMilliseconds(10)); // 20 ms of stream time: rows 1..20
        await source.ReadAsync(block, CancellationToken.None).AsTask().WaitAsync(Timeout);

        Assert.Equal(20, block.Count);
        Assert.Equal(Start.AddMilliseconds(20), block.Timestamp(19));
    }

    [Fact]
    public async Task ReadAsync_SpeedZero_FillsTheBlockWithoutWaiting()
    {
        var clock = new ManualTimeProvider(Start);
        await using var source = new SimulatorSource(Paced(speed: 0, blockRows: 10), clock);
        var block = new SampleBlock(5, 5_000);

        ValueTask<bool> read = source.ReadAsync(block, CancellationToken.None);

        Assert.True(read.IsCompleted);
        Assert.True(await read);
        Assert.Equal(5_000, block.Count);
    }

    [Fact]
    public async Task ReadAsync_CancelledWhileWaiting_ThrowsOperationCanceled()
    {
        var clock = new ManualTimeProvider(Start);
        await using var source = new SimulatorSource(Paced(speed: 1, blockRows: 100), clock);
        using var cancel = new CancellationTokenSource();

        Task<bool> read = source.ReadAsync(new SampleBlock(5, 100), cancel.Token).AsTask();
        Assert.False(read.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Timeout));
    }

    [Fact]
    public async Task ReadAsync_DropoutWhilePaced_WaitsThroughTheGap()
    {
        var clock = new ManualTimeProvider(Start);
        SimulatorOptions options = Paced(speed: 1, blockRows: 1);
        options.SensorFaults.Add(new SensorFaultOptions { Kind = SensorFaultKind.Dropout, Start = TimeSpan.FromMilliseconds(1), Duration = TimeSpan.FromMilliseconds(50) });
        await using var source = new SimulatorSource(options, clock);
        var block = new SampleBlock(5, 100);
        await source.ReadAsync(block, CancellationToken.None).AsTask().WaitAsync(Timeout); // row 0

        Task<bool> read = source.ReadAsync(block, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(50));
        Assert.False(read.IsCompleted); // rows 1..50 are lost to the dropout
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await read.WaitAsync(Timeout);

        Assert.Equal(1, block.Count);
        Assert.Equal(Start.AddMilliseconds(51), block.Timestamp(0));
    }

    private static SimulatorOptions Paced(double speed, int blockRows) =>
        new() { SampleRate = 1_000, ShaftHz = 29.5, Speed = speed, BlockRows = blockRows, StartTime = Start };
}
