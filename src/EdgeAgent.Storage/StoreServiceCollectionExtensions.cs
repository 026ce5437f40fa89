using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Storage;

/// <summary>Registers the store.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StoreOptions"/> from the <c>Store</c> section, validates them at start, and registers one
    /// <see cref="EdgeStore"/>, opened on first use with the registered <see cref="TimeProvider"/> (the system clock unless one is registered).
    /// </summary>
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>()
            .Bind(configuration.GetSection(StoreOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => EdgeStore.Open(
            sp.GetRequiredService<IOptions<StoreOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<EdgeStore>>()));
        return services;
    }
}
