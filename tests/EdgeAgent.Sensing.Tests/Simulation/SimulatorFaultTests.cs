using EdgeAgent.Sensing.Simulation;
using EdgeAgent.Sensing.Tests.Support;
using EdgeAgent.TestKit;

namespace EdgeAgent.Sensing.Tests.Simulation;

public sealed class SimulatorFaultTests
{
    private const double Rate = 10_000;

    [Fact]
    public async Task BearingDefect_AfterStart_RaisesKurtosisCrestRmsAndBandEnergy()
    {
        SimulatorOptions options = SimulatorSourceTests.Unpaced();
        options.BearingDefect = new BearingDefectOptions { Start = TimeSpan.FromSeconds(1), GrowthTime = TimeSpan.FromSeconds(2) };
        Recording recording = await ReadAsync(options, 40_000);

        double[] before = Window(recording, 0.25, 0.75);
        double[] after = Window(recording, 3.5, 4.0);

        Assert.True(SignalStats.Kurtosis(after) > 3 * SignalStats.Kurtosis(before), $"kurtosis {SignalStats.Kurtosis(before):F2} -> {SignalStats.Kurtosis(after):F2}");
        Assert.True(SignalStats.CrestFactor(after) > 1.8 * SignalStats.CrestFactor(before), $"crest {SignalStats.CrestFactor(before):F2} -> {SignalStats.CrestFactor(after):F2}");
        Assert.True(SignalStats.Rms(after) > 1.8 * SignalStats.Rms(before), $"rms {SignalStats.Rms(before):F3} -> {SignalStats.Rms(after):F3}");
        double bandBefore = SignalStats.BandEnergy(before, 2_000, 4_000, Rate);
        double bandAfter = SignalStats.BandEnergy(after, 2_000, 4_000, Rate);
        Assert.True(bandAfter > 50 * bandBefore, $"2-4 kHz energy {bandBefore:E2} -> {bandAfter:E2}");
    }

    [Fact]
    public async Task BearingDefect_AsSeverityGrows_BandEnergyAndRmsKeepRising()
    {
        SimulatorOptions options = SimulatorSourceTests.Unpaced();
        options.BearingDefect = new BearingDefectOptions { Start = TimeSpan.FromSeconds(1), GrowthTime = TimeSpan.FromSeconds(2) };
        Recording recording = await ReadAsync(options, 40_000);

        double[][] windows = [Window(recording, 1.25, 1.75), Window(recording, 1.75, 2.25), Window(recording, 2.5, 3.0), Window(recording, 3.5, 4.0)];
        double[] band = [.. windows.Select(w => SignalStats.BandEnergy(w, 2_000, 4_000, Rate))];
        double[] rms = [.. windows.Select(SignalStats.Rms)];

        for (int i = 1; i < windows.Length; i++)
        {
            Assert.True(band[i] > band[i - 1], $"band energy fell from window {i - 1} to {i}: {string.Join(", ", band)}");
            Assert.True(rms[i] > rms[i - 1], $"rms fell from window {i - 1} to {i}: {string.Join(", ", rms)}");
        }

        double[] temperature = recording.Channel(3);
        Assert.True(SignalStats.Mean(temperature[35_000..]) > SignalStats.Mean(temperature[..10_000]) + 5, "the bearing did not warm");
    }

    [Fact]
    public async Task BearingDefect_BeforeStart_StreamEqualsTheHealthyMachine()
    {
        SimulatorOptions faulty = SimulatorSourceTests.Unpaced();
        faulty.BearingDefect = new BearingDefectOptions { Start = TimeSpan.FromSeconds(0.5), GrowthTime = TimeSpan.FromSeconds(0.1) };
        Recording withFault = await ReadAsync(faulty, 6_000);
        Recording healthy = await ReadAsync(SimulatorSourceTests.Unpaced(), 6_000);

        for (int r = 0; r < 5_000; r++)
        {
            Assert.Equal(healthy.Rows[r], withFault.Rows[r]);
        }

        int changed = Enumerable.Range(5_000, 1_000).Count(r => healthy.Rows[r][0] != withFault.Rows[r][0]);
        Assert.True(changed > 500, $"only {changed} of the 1000 rows after Start changed");
    }

    [Fact]
    public async Task Imbalance_AfterStart_RaisesOneTimesShaftAmplitudeOnly()
    {
        SimulatorOptions options = SimulatorSourceTests.Unpaced();
        options.Imbalance = new ImbalanceOptions { Start = TimeSpan.FromSeconds(2.5), Amplitude = 0.3 };
        Recording recording = await ReadAsync(options, 50_000);

        // 2 s windows hold 59 whole turns of a 29.5 Hz shaft, so one DFT bin gives each harmonic's amplitude.
        double[] before = Window(recording, 0, 2);
        double[] after = Window(recording, 3, 5);
        double oneXBefore = SignalStats.Amplitude(before, 29.5, Rate);
        double oneXAfter = SignalStats.Amplitude(after, 29.5, Rate);

        Assert.True(oneXAfter > oneXBefore + 0.15, $"1x amplitude {oneXBefore:F3} -> {oneXAfter:F3} g");
        Assert.Equal(SignalStats.Amplitude(before, 59, Rate), SignalStats.Amplitude(after, 59, Rate), 0.01);
        Assert.True(SignalStats.Amplitude(Window(recording, 3, 5, channel: 1), 29.5, Rate) > SignalStats.Amplitude(Window(recording, 0, 2, channel: 1), 29.5, Rate) + 0.1);
    }

    [Fact]
    public async Task NaNFault_GivesNaNExactlyInsideItsSpanOnItsChannel()
    {
        SimulatorOptions options = SimulatorSourceTests.Unpaced(sampleRate: 1_000);
        options.SensorFaults.Add(new SensorFaultOptions
        {
            Channel = "temperature", Kind = SensorFaultKind.NaN, Start = TimeSpan.FromSeconds(0.5), Duration = TimeSpan.FromSeconds(0.25),
        });
        Recording recording = await ReadAsync(options, 2_000);

        for (int r = 0; r < recording.Count; r++)
        {
            bool inSpan = r is >= 500 and < 750;
            Assert.Equal(inSpan, double.IsNaN(recording.Rows[r][3]));
            Assert.True(double.IsFinite(recording.Rows[r][0]) && double.IsFinite(recording.Rows[r][4]), $"row {r} has a NaN outside the faulty channel");
        }
    }

    [Fact]
    public async Task StuckFault_RepeatsTheLastValueBeforeItsSpan()
    {
        SimulatorOptions options = SimulatorSourceTests.Unpaced(sampleRate: 1_000);
        options.SensorFaults.Add(new SensorFaultOptions
        {
            Channel = "current", Kind = SensorFaultKind.Stuck, Start = TimeSpan.FromSeconds(0.3), Duration = TimeSpan.FromSeconds(0.2),
        });
        Recording stuck = await ReadAsync(options, 1_000);
        Recording healthy = await ReadAsync(SimulatorSourceTests.Unpaced(sampleRate: 1_000), 1_000);

        double held = healthy.Rows[299][4];
        Assert.All(stuck.Channel(4, 300, 500), v => Assert.Equal(held, v));
        Assert.Equal(healthy.Channel(4, 0, 300), stuck.Channel(4, 0, 300));
        Assert.Equal(healthy.Channel(4, 500, 1_000), stuck.Channel(4, 500, 1_000));
        Assert.Equal(healthy.Channel(0), stuck.Channel(0));
    }

    [Fact]
    public async Task DropoutFault_LeavesExactlyTheExpectedTimestampGap()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        SimulatorOptions options = SimulatorSourceTests.Unpaced(sampleRate: 1_000);
        options.StartTime = start;
        options.SensorFaults.Add(new SensorFaultOptions { Kind = SensorFaultKind.Dropout, Start = TimeSpan.FromSeconds(1), Duration = TimeSpan.FromSeconds(0.5) });
        Recording recording = await ReadAsync(options, 2_000);

        // Rows 1000..1499 are missing: row 999 (0.999 s) is followed by row 1500 (1.5 s).
        int last = recording.Timestamps.IndexOf(start.AddMilliseconds(999));
        Assert.Equal(999, last);
        Assert.Equal(start.AddMilliseconds(1_500), recording.Timestamps[1_000]);
        Assert.Equal(TimeSpan.FromMilliseconds(501), recording.Timestamps[1_000] - recording.Timestamps[999]);
        var steps = recording.Timestamps.Zip(recording.Timestamps.Skip(1), (a, b) => b - a).ToList();
        Assert.Equal(1, steps.Count(s => s != TimeSpan.FromMilliseconds(1)));
        Assert.Equal(start.AddMilliseconds(2_499), recording.Timestamps[^1]);
    }

    [Fact]
    public async Task DropoutFault_StreamAfterItContinuesAsIfTheMachineRanOn()
    {
        SimulatorOptions options = SimulatorSourceTests.Unpaced(sampleRate: 1_000);
        options.SensorFaults.Add(new SensorFaultOptions { Kind = SensorFaultKind.Dropout, Start = TimeSpan.FromSeconds(1), Duration = TimeSpan.FromSeconds(0.5) });
        Recording dropped = await ReadAsync(options, 1_500);
        Recording healthy = await ReadAsync(SimulatorSourceTests.Unpaced(sampleRate: 1_000), 2_000);

        Assert.Equal(healthy.Rows[1_500], dropped.Rows[1_000]);
        Assert.Equal(healthy.Rows[1_999], dropped.Rows[1_499]);
    }

    [Fact]
    public async Task SpikesFault_AddsLargeValuesOnlyInsideItsSpanAtAboutItsRate()
    {
        SimulatorOptions options = SimulatorSourceTests.Unpaced();
        options.SensorFaults.Add(new SensorFaultOptions
        {
            Channel = "vib_z", Kind = SensorFaultKind.Spikes, Start = TimeSpan.FromSeconds(1), Duration = TimeSpan.FromSeconds(2),
            SpikeRate = 50, SpikeSize = 20,
        });
        Recording spiked = await ReadAsync(options, 40_000);
        Recording healthy = await ReadAsync(SimulatorSourceTests.Unpaced(), 40_000);

        double[] z = spiked.Channel(2);
        int inside = z[10_000..30_000].Count(v => Math.Abs(v) > 10);
        Assert.InRange(inside, 60, 140); // 50 per second for 2 s: 100 expected
        Assert.Equal(0, z[..10_000].Count(v => Math.Abs(v) > 10) + z[30_000..].Count(v => Math.Abs(v) > 10));
        for (int r = 0; r < z.Length; r++)
        {
            double added = z[r] - healthy.Rows[r][2];
            Assert.True(Math.Abs(added) < 1e-9 || Math.Abs(Math.Abs(added) - 20) < 1e-9, $"row {r}: {added} added");
        }
    }

    private static async Task<Recording> ReadAsync(SimulatorOptions options, int rows)
    {
        await using var source = new SimulatorSource(options, new ManualTimeProvider());
        return await Recording.ReadAsync(source, rows);
    }

    private static double[] Window(Recording recording, double fromSeconds, double toSeconds, int channel = 0) =>
        recording.Channel(channel, (int)(fromSeconds * Rate), (int)(toSeconds * Rate));
}
