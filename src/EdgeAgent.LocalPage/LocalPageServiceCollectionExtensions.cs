using EdgeAgent.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeAgent.LocalPage;

/// <summary>Registers the local page.</summary>
public static class LocalPageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="LocalPageOptions"/> from the <c>LocalPage</c> section, validates them at start, and runs
    /// <see cref="LocalPageService"/> as a hosted service. Acknowledging goes through <see cref="StoreAlertActions"/>
    /// unless an <see cref="IAlertActions"/> is registered (before or after this call). The page reads
    /// <see cref="EdgeStore"/> and, when registered, <see cref="IAgentStatus"/>; <see cref="StoreOptions"/> tell where
    /// the default token file lies.
    /// </summary>
    public static IServiceCollection AddLocalPage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LocalPageOptions>()
            .Bind(configuration.GetSection(LocalPageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalPageOptions>, LocalPageOptionsValidator>());
        services.AddOptions<StoreOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAlertActions, StoreAlertActions>();
        services.TryAddSingleton<LocalPageService>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalPageService>());
        return services;
    }
}
