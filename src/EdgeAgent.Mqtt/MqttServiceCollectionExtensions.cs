using EdgeAgent.Mqtt.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Mqtt;

/// <summary>Registers the MQTT client.</summary>
public static class MqttServiceCollectionExtensions
{
    /// <summary>
    /// Validates <see cref="MqttClientOptions"/> at start (bind them from the <c>Mqtt</c> section, for example with
    /// <c>services.AddOptions&lt;MqttClientOptions&gt;().Bind(configuration.GetSection(MqttClientOptions.SectionName))</c>)
    /// and registers one <see cref="MqttClient"/>, disposed with the container. The client connects once started
    /// (<see cref="MqttClient.Start"/>). Registrations already made are kept.
    /// </summary>
    public static IServiceCollection AddMqttClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<MqttClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttClientOptions>, MqttClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new MqttClient(
            sp.GetRequiredService<IOptions<MqttClientOptions>>().Value,
            sp.GetService<ILogger<MqttClient>>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
