using EdgeAgent.Fleet.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Fleet;

/// <summary>Registers the uplink.</summary>
public static class UplinkServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="UplinkOptions"/> from the <c>Uplink</c> section and validates them at start; registers the
    /// <see cref="FleetOutbox"/> (for producers of drift reports and status) and the <see cref="OutboxPublisher"/> as a
    /// hosted service. Needs the store (<c>AddStore</c>) and the MQTT client (<c>AddMqttClient</c>). Registrations
    /// already made are kept.
    /// </summary>
    public static IServiceCollection AddUplink(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<UplinkOptions>()
            .Bind(configuration.GetSection(UplinkOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UplinkOptions>, UplinkOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FleetOutbox>();
        services.TryAddSingleton<OutboxPublisher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxPublisher>(sp => sp.GetRequiredService<OutboxPublisher>()));
        return services;
    }
}
