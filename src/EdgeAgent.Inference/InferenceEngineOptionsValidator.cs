using Microsoft.Extensions.Options;

namespace EdgeAgent.Inference;

/// <summary>Checks <see cref="InferenceEngineOptions"/> and names each bad setting.</summary>
public sealed class InferenceEngineOptionsValidator : IValidateOptions<InferenceEngineOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, InferenceEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        string section = InferenceEngineOptions.SectionName;
        if (options.IntraOpThreads is < 0 or > 256)
        {
            errors.Add($"{section}:{nameof(options.IntraOpThreads)} is {options.IntraOpThreads}; it must be between 0 (runtime default) and 256.");
        }

        if (options.InterOpThreads is < 0 or > 256)
        {
            errors.Add($"{section}:{nameof(options.InterOpThreads)} is {options.InterOpThreads}; it must be between 0 (runtime default) and 256.");
        }

        foreach (string provider in options.ExecutionProviders ?? [])
        {
            if (ExecutionProviderNames.Resolve(provider ?? "") is null)
            {
                errors.Add($"{section}:{nameof(options.ExecutionProviders)} names an unknown provider '{provider}'; known: {string.Join(", ", ExecutionProviderNames.ShortNames)}.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
