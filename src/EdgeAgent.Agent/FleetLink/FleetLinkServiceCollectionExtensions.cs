using EdgeAgent.Agent.Configuration;
using EdgeAgent.Fleet;
using EdgeAgent.Fleet.Outbox;
using EdgeAgent.Mqtt;
using EdgeAgent.Mqtt.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Agent.FleetLink;

/// <summary>Registers the link to the fleet when <c>Uplink:Enabled</c> is true.</summary>
public static class FleetLinkServiceCollectionExtensions
{
    /// <summary>The setting that turns the fleet link on. Default false: the agent serves and stores without a broker.</summary>
    public const string EnabledKey = "Uplink:Enabled";

    /// <summary>
    /// The MQTT client (section <c>Mqtt</c>; its client id defaults to <c>Agent:DeviceId</c>, its Last Will to a retained
    /// <c>offline</c> on the device's status topic), the outbox publisher (section <c>Uplink</c>; fleet and device default to
    /// <c>Agent:Fleet</c> and <c>Agent:DeviceId</c>), and the bridge that reports status and drift verdicts through it.
    /// </summary>
    public static IServiceCollection AddFleetLink(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetValue<bool>(EnabledKey))
        {
            return services;
        }

        services.AddOptions<MqttClientOptions>()
            .Bind(configuration.GetSection(MqttClientOptions.SectionName))
            .PostConfigure<IOptions<AgentOptions>>((mqtt, agent) =>
            {
                if (string.IsNullOrWhiteSpace(mqtt.ClientId))
                {
                    mqtt.ClientId = agent.Value.DeviceId;
                }

                mqtt.WillTopic ??= $"edge/{agent.Value.Fleet}/{mqtt.ClientId}/status";
            });
        services.AddMqttClient();
        services.AddUplink(configuration);
        services.AddOptions<UplinkOptions>().PostConfigure<IOptions<AgentOptions>>((uplink, agent) =>
        {
            if (string.IsNullOrWhiteSpace(uplink.Fleet))
            {
                uplink.Fleet = agent.Value.Fleet;
            }

            uplink.Device ??= agent.Value.DeviceId;
        });
        services.AddHostedService<FleetLinkBridge>();
        return services;
    }
}
