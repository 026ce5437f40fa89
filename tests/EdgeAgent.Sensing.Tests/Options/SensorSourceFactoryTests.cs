using EdgeAgent.Sensing.I2c;
using EdgeAgent.Sensing.Iio;
using EdgeAgent.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Sensing.Tests.Options;

public sealed class SensorSourceFactoryTests
{
    [Fact]
    public void Create_InvalidOptions_ThrowsOptionsValidationExceptionNamingTheSetting()
    {
        var options = new SensorOptions { Source = "Iio", Iio = new IioSourceOptions { Device = "" } };

        var ex = Assert.Throws<OptionsValidationException>(() => SensorSourceFactory.Create(options, new ManualTimeProvider(), NullLoggerFactory.Instance));

        Assert.Contains(ex.Failures, f => f.StartsWith("Sensors:Iio:Device is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_Adxl345OnABusThatDoesNotExist_ThrowsSensorExceptionNamingTheBus()
    {
        var options = new SensorOptions { Source = "Adxl345", Adxl345 = new Adxl345SourceOptions { Bus = 250 } };

        var ex = Assert.Throws<SensorException>(() => SensorSourceFactory.Create(options, new ManualTimeProvider(), NullLoggerFactory.Instance));

        Assert.Contains("/dev/i2c-250", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sensors:Adxl345:Bus 250", ex.Message, StringComparison.Ordinal);
    }
}
