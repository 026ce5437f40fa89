using EdgeAgent.Drift.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Drift;

/// <summary>Registers the drift feature.</summary>
public static class DriftServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="DriftOptions"/> (<c>Drift</c>) and validates them at start, and registers a
    /// <see cref="DriftMonitorFactory"/> for each model's monitor. Registrations already made are kept.
    /// </summary>
    public static IServiceCollection AddDrift(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DriftOptions>()
            .Bind(configuration.GetSection(DriftOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DriftOptions>, DriftOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DriftMonitorFactory(
            sp.GetRequiredService<IOptions<DriftOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<DriftMonitor>>() ?? NullLogger<DriftMonitor>.Instance));
        return services;
    }
}
