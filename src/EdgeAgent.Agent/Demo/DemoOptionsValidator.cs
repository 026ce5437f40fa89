using Microsoft.Extensions.Options;

namespace EdgeAgent.Agent.Demo;

/// <summary>Checks <see cref="DemoOptions"/> and names each bad setting.</summary>
public sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Check(bool ok, string setting, object value, string rule)
        {
            if (!ok)
            {
                errors.Add($"{DemoOptions.SectionName}:{setting} is {value}; {rule}.");
            }
        }

        Check(options.Windows >= 0, nameof(options.Windows), options.Windows, "it must be 0 (endless) or more");
        Check(options.CalibrationWindows >= 10, nameof(options.CalibrationWindows), options.CalibrationWindows, "at least 10 healthy windows are needed to fit the model");
        Check(options.FaultStartWindow > options.CalibrationWindows, nameof(options.FaultStartWindow), options.FaultStartWindow, $"it must come after the {options.CalibrationWindows} calibration windows");
        Check(options.SampleRate is >= 1000 and <= 100_000, nameof(options.SampleRate), options.SampleRate, "it must be between 1000 and 100000");
        Check(options.WindowSamples is >= 64 and <= 65_536, nameof(options.WindowSamples), options.WindowSamples, "it must be between 64 and 65536");
        Check(options.WindowInterval >= TimeSpan.Zero && options.WindowInterval <= TimeSpan.FromMinutes(1), nameof(options.WindowInterval), options.WindowInterval, "it must be between 00:00:00 and 00:01:00");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
