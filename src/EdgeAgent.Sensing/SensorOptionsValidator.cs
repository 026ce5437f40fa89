using EdgeAgent.Sensing.I2c;
using EdgeAgent.Sensing.Iio;
using EdgeAgent.Sensing.Mqtt;
using EdgeAgent.Sensing.Replay;
using EdgeAgent.Sensing.Simulation;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Sensing;

/// <summary>
/// Checks <see cref="SensorOptions"/>: that <c>Sensors:Source</c> names a known kind, and the settings of that kind's
/// section (the other sections are not read, so they are not checked). Each message names the setting, e.g.
/// <c>Sensors:Replay:Path '/data/x.csv' does not exist.</c>
/// </summary>
public sealed class SensorOptionsValidator : IValidateOptions<SensorOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SensorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        string s = SensorOptions.SectionName;
        if (!options.TryGetSourceKind(out SensorSourceKind kind))
        {
            errors.Add($"{s}:Source is '{options.Source}'; it must be one of {string.Join(", ", Enum.GetNames<SensorSourceKind>())}.");
            return OptionsText.Result(errors);
        }

        switch (kind)
        {
            case SensorSourceKind.Simulator when options.Simulator is { } simulator:
                SimulatorOptionsValidator.Collect(simulator, SimulatorOptions.SectionName, errors);
                break;
            case SensorSourceKind.Replay when options.Replay is { } replay:
                ReplayOptionsValidator.Collect(replay, ReplayOptions.SectionName, checkFile: true, errors);
                break;
            case SensorSourceKind.Iio when options.Iio is { } iio:
                IioSourceOptionsValidator.Collect(iio, IioSourceOptions.SectionName, errors);
                break;
            case SensorSourceKind.Adxl345 when options.Adxl345 is { } adxl345:
                Adxl345SourceOptionsValidator.Collect(adxl345, Adxl345SourceOptions.SectionName, errors);
                break;
            case SensorSourceKind.Ads1115 when options.Ads1115 is { } ads1115:
                Ads1115SourceOptionsValidator.Collect(ads1115, Ads1115SourceOptions.SectionName, errors);
                break;
            case SensorSourceKind.Mqtt when options.Mqtt is { } mqtt:
                MqttSourceOptionsValidator.Collect(mqtt, MqttSourceOptions.SectionName, errors);
                break;
            default:
                errors.Add($"{s}:{kind} is missing; Sensors:Source is {kind}, so its section is needed.");
                break;
        }

        return OptionsText.Result(errors);
    }
}
