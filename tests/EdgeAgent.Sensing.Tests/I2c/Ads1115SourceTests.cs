using EdgeAgent.Devices.Drivers;
using EdgeAgent.Sensing.I2c;
using EdgeAgent.Sensing.Tests.Support;
using EdgeAgent.TestKit;

namespace EdgeAgent.Sensing.Tests.I2c;

public sealed class Ads1115SourceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ReadAsync_TwoInputs_ConvertsEachWithItsRangeAndScalesToEngineeringUnits()
    {
        var clock = new ManualTimeProvider();
        using var device = new SimulatedAds1115(clock);
        device.RawByMux[0b100] = 16_000; // AIN0: 16000 × 4.096 / 32768 = 2 V
        device.RawByMux[0b101] = -8_192; // AIN1: -8192 × 2.048 / 32768 = -0.512 V
        var options = new Ads1115SourceOptions
        {
            Rate = 10,
            Inputs =
            {
                new Ads1115InputOptions { Input = Ads1115InputMultiplexer.Ain0, Name = "current", Units = "A", Range = Ads1115MeasuringRange.FullScale4096mV, Scale = 10, Offset = -2 },
                new Ads1115InputOptions { Input = Ads1115InputMultiplexer.Ain1, Name = "supply", Range = Ads1115MeasuringRange.FullScale2048mV },
            },
        };
        await using var source = new Ads1115Source(device, options, clock, shouldDispose: false);
        var block = new SampleBlock(2, 4);

        Assert.True(await source.ReadAsync(block, CancellationToken.None).AsTask().WaitAsync(Timeout));

        Assert.Equal([new SensorChannel("current", "A", 10), new SensorChannel("supply", "V", 10)], source.Channels);
        Assert.Equal(18.0, block.Row(0)[0], 1e-9); // 2 V × 10 − 2
        Assert.Equal(-0.512, block.Row(0)[1], 1e-9);

        // Single-shot starts: OS | MUX | PGA | MODE | DR 860 SPS | comparator off, per input.
        byte[][] configWrites = [.. device.Writes.Where(w => w.Length == 3)];
        Assert.Equal([[0x01, 0xC3, 0xE3], [0x01, 0xD5, 0xE3]], configWrites);
    }

    [Fact]
    public async Task ReadAsync_ConversionNeverFinishes_ThrowsSensorExceptionNamingTheInput()
    {
        var clock = new ManualTimeProvider();
        using var device = new SimulatedAds1115(clock) { NeverFinishes = true };
        var options = new Ads1115SourceOptions { Inputs = { new Ads1115InputOptions { Input = Ads1115InputMultiplexer.Ain3, Name = "pressure" } } };
        await using var source = new Ads1115Source(device, options, clock, shouldDispose: false);

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await source.ReadAsync(new SampleBlock(1, 1), CancellationToken.None));

        Assert.Contains("converting Ain3 (pressure) failed", ex.Message, StringComparison.Ordinal);
        Assert.IsType<TimeoutException>(ex.InnerException);
    }

    [Fact]
    public void Constructor_RateTooHighForTheInputs_ThrowsNamingRateAndDataRate()
    {
        var clock = new ManualTimeProvider();
        using var device = new SimulatedAds1115(clock);
        var options = new Ads1115SourceOptions
        {
            Rate = 100,
            DataRate = Ads1115DataRate.Sps128,
            Inputs = { new() { Input = Ads1115InputMultiplexer.Ain0, Name = "a" }, new() { Input = Ads1115InputMultiplexer.Ain1, Name = "b" } },
        };

        var ex = Assert.Throws<ArgumentException>(() => new Ads1115Source(device, options, clock));

        Assert.Contains("Sensors:Ads1115:Rate is 100; with 2 inputs that needs 200 conversions per second, but Sensors:Ads1115:DataRate Sps128 gives 128.", ex.Message, StringComparison.Ordinal);
        Assert.True(device.IsDisposed);
    }
}
