using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Sensing;

/// <summary>Registers the sensor source.</summary>
public static class SensingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SensorOptions"/> from the <c>Sensors</c> section, validates them at start
    /// (<see cref="SensorOptionsValidator"/>), and registers one <see cref="ISensorSource"/>, created on first use by
    /// <see cref="SensorSourceFactory"/> with the registered <see cref="TimeProvider"/> (the system clock unless one
    /// is registered) and <see cref="ILoggerFactory"/>. Registrations already made are kept.
    /// </summary>
    public static IServiceCollection AddSensing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SensorOptions>()
            .Bind(configuration.GetSection(SensorOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SensorOptions>, SensorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => SensorSourceFactory.Create(
            sp.GetRequiredService<IOptions<SensorOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        return services;
    }
}
