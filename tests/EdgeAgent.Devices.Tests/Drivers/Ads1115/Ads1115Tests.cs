using EdgeAgent.Devices.Drivers;
using EdgeAgent.TestKit;

namespace EdgeAgent.Devices.Tests.Drivers;

public class Ads1115Tests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void ReadRaw_Ain0WithDefaults_WritesConfigC583PollsThenReadsConversion()
    {
        var device = new SimulatedAds1115(_clock) { PollsUntilDone = 3 };
        device.ConversionBytes[0b100] = [0x12, 0x34];
        using var adc = new Ads1115(device, _clock);

        short raw = adc.ReadRaw(Ads1115InputMultiplexer.Ain0);

        Assert.Equal(0x1234, raw);
        Assert.Equal(
            [
                [0x01, 0xC5, 0x83], // config: OS | AIN0-GND | ±2.048 V | single-shot | 128 SPS | comparator off
                [0x01], // poll 1: busy
                [0x01], // poll 2: busy
                [0x01], // poll 3: done
                [0x00], // conversion register
            ],
            device.Writes);
    }

    [Theory]
    [InlineData(Ads1115InputMultiplexer.Ain0Ain1, Ads1115MeasuringRange.FullScale6144mV, Ads1115DataRate.Sps8, 0x8103)]
    [InlineData(Ads1115InputMultiplexer.Ain3, Ads1115MeasuringRange.FullScale256mV, Ads1115DataRate.Sps860, 0xFBE3)]
    [InlineData(Ads1115InputMultiplexer.Ain1, Ads1115MeasuringRange.FullScale4096mV, Ads1115DataRate.Sps250, 0xD3A3)]
    [InlineData(Ads1115InputMultiplexer.Ain2Ain3, Ads1115MeasuringRange.FullScale1024mV, Ads1115DataRate.Sps16, 0xB723)]
    public void ReadRaw_Settings_WritesExpectedConfigWordBigEndian(
        Ads1115InputMultiplexer input, Ads1115MeasuringRange range, Ads1115DataRate rate, int expectedConfig)
    {
        var device = new SimulatedAds1115(_clock);
        using var adc = new Ads1115(device, _clock) { MeasuringRange = range, DataRate = rate, InputMultiplexer = input };

        adc.ReadRaw();

        Assert.Equal([0x01, (byte)(expectedConfig >> 8), (byte)expectedConfig], device.Writes[0]);
    }

    [Theory]
    [InlineData(0x7F, 0xFF, Ads1115MeasuringRange.FullScale2048mV, 2.0479375)] // positive full scale: 32767 counts
    [InlineData(0x80, 0x00, Ads1115MeasuringRange.FullScale2048mV, -2.048)] // negative full scale: -32768 counts
    [InlineData(0x40, 0x00, Ads1115MeasuringRange.FullScale4096mV, 2.048)] // +16384 counts
    [InlineData(0x10, 0x00, Ads1115MeasuringRange.FullScale6144mV, 0.768)] // +4096 counts
    [InlineData(0xFF, 0xFE, Ads1115MeasuringRange.FullScale256mV, -0.000015625)] // -2 counts
    [InlineData(0xC0, 0x00, Ads1115MeasuringRange.FullScale512mV, -0.256)] // -16384 counts
    [InlineData(0x00, 0x00, Ads1115MeasuringRange.FullScale1024mV, 0.0)]
    public void ReadVoltage_KnownConversionRegister_ConvertsTwosComplementToVolts(
        byte high, byte low, Ads1115MeasuringRange range, double expectedVolts)
    {
        var device = new SimulatedAds1115(_clock);
        device.ConversionBytes[0b101] = [high, low];
        using var adc = new Ads1115(device, _clock) { MeasuringRange = range };

        double volts = adc.ReadVoltage(Ads1115InputMultiplexer.Ain1);

        Assert.Equal(expectedVolts, volts, 1e-9);
    }

    [Fact]
    public void ReadRaw_ConversionNeverFinishes_ThrowsTimeoutOnFakeClock()
    {
        var device = new SimulatedAds1115(_clock) { NeverFinishes = true };
        using var adc = new Ads1115(device, _clock) { ConversionTimeout = TimeSpan.FromMilliseconds(50) };
        DateTimeOffset started = _clock.GetUtcNow();

        var ex = Assert.Throws<TimeoutException>(() => adc.ReadRaw(Ads1115InputMultiplexer.Ain2));

        Assert.Contains("Ain2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("50 ms", ex.Message, StringComparison.Ordinal);
        TimeSpan waited = _clock.GetUtcNow() - started;
        Assert.InRange(waited, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(55));
        Assert.DoesNotContain(device.Writes, w => w is [0x00]);
    }

    [Fact]
    public void TryReadVoltage_ConversionNeverFinishes_ReturnsFalse()
    {
        var device = new SimulatedAds1115(_clock) { NeverFinishes = true };
        using var adc = new Ads1115(device, _clock) { ConversionTimeout = TimeSpan.FromMilliseconds(10) };

        bool read = adc.TryReadVoltage(Ads1115InputMultiplexer.Ain0, out double volts);

        Assert.False(read);
        Assert.Equal(0, volts);
        Assert.InRange(device.ConfigReads, 10, 12);
    }

    [Fact]
    public void TryReadVoltage_ConversionFinishes_ReturnsVolts()
    {
        var device = new SimulatedAds1115(_clock);
        device.ConversionBytes[0b111] = [0x20, 0x00];
        using var adc = new Ads1115(device, _clock);

        bool read = adc.TryReadVoltage(Ads1115InputMultiplexer.Ain3, out double volts);

        Assert.True(read);
        Assert.Equal(0.512, volts, 1e-9);
    }

    [Fact]
    public void Constructor_Defaults_MatchPowerOnConfigAndHalfSecondTimeout()
    {
        var device = new SimulatedAds1115(_clock);
        using var adc = new Ads1115(device, _clock);

        Assert.Equal(Ads1115InputMultiplexer.Ain0Ain1, adc.InputMultiplexer);
        Assert.Equal(Ads1115MeasuringRange.FullScale2048mV, adc.MeasuringRange);
        Assert.Equal(Ads1115DataRate.Sps128, adc.DataRate);
        Assert.Equal(TimeSpan.FromMilliseconds(500), adc.ConversionTimeout);
        Assert.Empty(device.Writes);
        Assert.Throws<ArgumentOutOfRangeException>(() => adc.ConversionTimeout = TimeSpan.Zero);
    }

    [Fact]
    public void MeasuringRange_SetUndefined_Throws()
    {
        using var adc = new Ads1115(new SimulatedAds1115(_clock), _clock);

        Assert.Throws<ArgumentOutOfRangeException>(() => adc.MeasuringRange = (Ads1115MeasuringRange)6);
        Assert.Equal(Ads1115MeasuringRange.FullScale2048mV, adc.MeasuringRange);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Dispose_ShouldDispose_DisposesDeviceOnlyWhenOwned(bool shouldDispose)
    {
        var device = new SimulatedAds1115(_clock);
        var adc = new Ads1115(device, _clock, shouldDispose);

        adc.Dispose();

        Assert.Equal(shouldDispose, device.IsDisposed);
    }
}
