using Microsoft.Extensions.Options;

namespace EdgeAgent.Agent.Models;

/// <summary>Checks <see cref="ModelOptions"/> at start; each message names the setting.</summary>
internal sealed class ModelOptionsValidator : IValidateOptions<ModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PackagePath))
        {
            return ValidateOptionsResult.Fail(
                $"{ModelOptions.SectionName}:PackagePath is required: the model package (.eapkg) to serve, e.g. --Model:PackagePath=/var/lib/edgeagent/model.eapkg.");
        }

        if (!File.Exists(options.PackagePath))
        {
            return ValidateOptionsResult.Fail($"{ModelOptions.SectionName}:PackagePath: the package file '{options.PackagePath}' does not exist.");
        }

        return ValidateOptionsResult.Success;
    }
}
