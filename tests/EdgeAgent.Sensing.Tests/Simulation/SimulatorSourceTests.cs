using EdgeAgent.Sensing.Simulation;
using EdgeAgent.Sensing.Tests.Support;
using EdgeAgent.TestKit;

namespace EdgeAgent.Sensing.Tests.Simulation;

public sealed class SimulatorSourceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    internal static SimulatorOptions Unpaced(int seed = 7, double sampleRate = 10_000) =>
        new() { Speed = 0, Seed = seed, SampleRate = sampleRate, StartTime = Start };

    [Fact]
    public async Task Channels_Always_AreTheFiveFixedChannelsWithUnitsAndRate()
    {
        await using var source = new SimulatorSource(Unpaced(sampleRate: 2_000), new ManualTimeProvider());

        Assert.Equal(
            [
                new SensorChannel("vib_x", "g", 2_000),
                new SensorChannel("vib_y", "g", 2_000),
                new SensorChannel("vib_z", "g", 2_000),
                new SensorChannel("temperature", "degC", 2_000),
                new SensorChannel("current", "A", 2_000),
            ],
            source.Channels);
        Assert.Equal("simulator", source.Name);
    }

    [Fact]
    public async Task ReadAsync_SameSeed_GivesIdenticalStreams()
    {
        await using var first = new SimulatorSource(Unpaced(seed: 42), new ManualTimeProvider());
        await using var second = new SimulatorSource(Unpaced(seed: 42), new ManualTimeProvider());

        // Different block sizes: the stream must not depend on how it is read.
        Recording a = await Recording.ReadAsync(first, 20_000, blockCapacity: 4096);
        Recording b = await Recording.ReadAsync(second, 20_000, blockCapacity: 333);

        Assert.Equal(a.Timestamps, b.Timestamps);
        for (int r = 0; r < a.Count; r++)
        {
            Assert.Equal(a.Rows[r], b.Rows[r]);
        }
    }

    [Fact]
    public async Task ReadAsync_DifferentSeeds_GiveDifferentNoise()
    {
        await using var first = new SimulatorSource(Unpaced(seed: 1), new ManualTimeProvider());
        await using var second = new SimulatorSource(Unpaced(seed: 2), new ManualTimeProvider());

        Recording a = await Recording.ReadAsync(first, 1_000);
        Recording b = await Recording.ReadAsync(second, 1_000);

        int differing = Enumerable.Range(0, a.Count).Count(r => a.Rows[r][0] != b.Rows[r][0]);
        Assert.True(differing > 990, $"only {differing} of 1000 vib_x samples differ between seeds");
    }

    [Fact]
    public async Task ReadAsync_Timestamps_AreStartPlusIndexOverSampleRate()
    {
        await using var source = new SimulatorSource(Unpaced(), new ManualTimeProvider());

        Recording recording = await Recording.ReadAsync(source, 30_001);

        Assert.Equal(Start, recording.Timestamps[0]);
        Assert.Equal(Start.AddTicks(1_000), recording.Timestamps[1]); // 100 µs at 10 kHz
        Assert.Equal(Start.AddTicks(12_345_000), recording.Timestamps[12_345]);
        Assert.Equal(Start.AddSeconds(3), recording.Timestamps[30_000]);
    }

    [Fact]
    public async Task Constructor_NoStartTime_StampsFromTheClockAtCreation()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero));
        SimulatorOptions options = Unpaced();
        options.StartTime = null;
        await using var source = new SimulatorSource(options, clock);
        clock.Advance(TimeSpan.FromMinutes(5));

        Recording recording = await Recording.ReadAsync(source, 1);

        Assert.Equal(new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero), recording.Timestamps[0]);
    }

    [Fact]
    public async Task ReadAsync_Healthy_ValuesArePlausibleForARunningMachine()
    {
        await using var source = new SimulatorSource(Unpaced(), new ManualTimeProvider());

        Recording recording = await Recording.ReadAsync(source, 20_000);

        double[] x = recording.Channel(0);
        Assert.InRange(SignalStats.Rms(x), 0.05, 0.5);
        Assert.InRange(SignalStats.Amplitude(x, 29.5, 10_000), 0.1, 0.3); // 2 s hold 59 whole shaft turns
        Assert.InRange(SignalStats.Mean(recording.Channel(3)), 35, 45);
        Assert.InRange(SignalStats.Mean(recording.Channel(4)), 5, 12);
        Assert.All(recording.Rows, row => Assert.All(row, v => Assert.True(double.IsFinite(v))));
    }

    [Fact]
    public async Task ReadAsync_BlockOfOtherChannelCount_Throws()
    {
        await using var source = new SimulatorSource(Unpaced(), new ManualTimeProvider());

        await Assert.ThrowsAsync<ArgumentException>(async () => await source.ReadAsync(new SampleBlock(3, 10), CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var source = new SimulatorSource(Unpaced(), new ManualTimeProvider());
        await source.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await source.ReadAsync(new SampleBlock(5, 10), CancellationToken.None));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingTheSetting()
    {
        SimulatorOptions options = Unpaced();
        options.Speed = -1;

        var ex = Assert.Throws<ArgumentException>(() => new SimulatorSource(options, new ManualTimeProvider()));

        Assert.Contains("Sensors:Simulator:Speed is -1", ex.Message, StringComparison.Ordinal);
    }
}
