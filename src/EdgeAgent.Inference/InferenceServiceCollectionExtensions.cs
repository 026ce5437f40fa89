using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Inference;

/// <summary>Registers the inference feature.</summary>
public static class InferenceServiceCollectionExtensions
{
    /// <summary>Binds <see cref="InferenceEngineOptions"/> from the <c>Inference</c> section and validates them at start.</summary>
    public static IServiceCollection AddInference(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InferenceEngineOptions>()
            .Bind(configuration.GetSection(InferenceEngineOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InferenceEngineOptions>, InferenceEngineOptionsValidator>());
        return services;
    }
}
