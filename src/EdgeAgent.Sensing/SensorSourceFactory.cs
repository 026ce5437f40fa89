using EdgeAgent.Sensing.I2c;
using EdgeAgent.Sensing.Iio;
using EdgeAgent.Sensing.Mqtt;
using EdgeAgent.Sensing.Replay;
using EdgeAgent.Sensing.Simulation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Sensing;

/// <summary>Creates the sensor source <see cref="SensorOptions.Source"/> names.</summary>
public static class SensorSourceFactory
{
    /// <summary>Checks <paramref name="options"/> and creates the source it names, opening its file or device (an MQTT source connects in the background).</summary>
    /// <exception cref="OptionsValidationException">A setting is invalid; the failures name each one.</exception>
    /// <exception cref="SensorException">The file or device cannot be opened or is not what the settings say (or the MQTT client cannot be created).</exception>
    public static ISensorSource Create(SensorOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ValidateOptionsResult result = new SensorOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SensorOptions), result.Failures);
        }

        options.TryGetSourceKind(out SensorSourceKind kind);
        return kind switch
        {
            SensorSourceKind.Simulator => new SimulatorSource(options.Simulator, timeProvider, loggerFactory.CreateLogger<SimulatorSource>()),
            SensorSourceKind.Replay => new ReplaySource(options.Replay, timeProvider, loggerFactory.CreateLogger<ReplaySource>()),
            SensorSourceKind.Iio => new IioSource(options.Iio, timeProvider, loggerFactory.CreateLogger<IioSource>()),
            SensorSourceKind.Adxl345 => Adxl345Source.Open(options.Adxl345, timeProvider, loggerFactory.CreateLogger<Adxl345Source>()),
            SensorSourceKind.Ads1115 => Ads1115Source.Open(options.Ads1115, timeProvider, loggerFactory.CreateLogger<Ads1115Source>()),
            SensorSourceKind.Mqtt => new MqttSource(options.Mqtt, timeProvider, loggerFactory.CreateLogger<MqttSource>()),
            _ => throw new InvalidOperationException($"Unhandled source kind {kind}."),
        };
    }
}
