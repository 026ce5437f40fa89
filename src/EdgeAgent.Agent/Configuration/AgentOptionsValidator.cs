using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Agent.Configuration;

/// <summary>Checks <see cref="AgentOptions"/>: ids become MQTT topic levels, so they are kept to a safe alphabet.</summary>
internal sealed partial class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var failures = new List<string>();
        Check(failures, "DeviceId", options.DeviceId);
        Check(failures, "Fleet", options.Fleet);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string setting, string? value)
    {
        if (value is null || !Id().IsMatch(value))
        {
            failures.Add($"{AgentOptions.SectionName}:{setting} is '{value}'; use 1 to 64 letters, digits, '-', '_' or '.'.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();
}
