using Microsoft.Extensions.Options;

namespace EdgeAgent.Agent.Pipeline;

/// <summary>Checks <see cref="PipelineOptions"/> at start; each message names the setting.</summary>
internal sealed class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        var failures = new List<string>();
        const string S = PipelineOptions.SectionName;
        Range(failures, $"{S}:BlockRows", options.BlockRows, 1, 1_048_576);
        Range(failures, $"{S}:FlushRows", options.FlushRows, 1, 100_000);
        Range(failures, $"{S}:MaxPendingPredictions", options.MaxPendingPredictions, 1_000, 10_000_000);
        Range(failures, $"{S}:FlushInterval", options.FlushInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));
        Range(failures, $"{S}:QualityFlushInterval", options.QualityFlushInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
        Range(failures, $"{S}:RestartDelay", options.RestartDelay, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        if (options.MaxRestartDelay < options.RestartDelay)
        {
            failures.Add($"{S}:MaxRestartDelay ({options.MaxRestartDelay}) must not be below {S}:RestartDelay ({options.RestartDelay}).");
        }

        foreach ((string channel, var quality) in options.Quality)
        {
            try
            {
                quality.Validate(channel);
            }
            catch (ArgumentException ex)
            {
                failures.Add($"{S}:Quality:{channel}: {ex.Message.Split(" (Parameter", 2)[0]}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range<T>(List<string> failures, string setting, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            failures.Add($"{setting} is {value}; it must be between {min} and {max}.");
        }
    }
}
