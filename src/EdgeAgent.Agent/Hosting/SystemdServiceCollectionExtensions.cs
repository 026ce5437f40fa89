using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeAgent.Agent.Hosting;

/// <summary>Registers systemd notifications (Microsoft.Extensions.Hosting.Systemd is not available here).</summary>
public static class SystemdServiceCollectionExtensions
{
    public static IServiceCollection AddSystemdNotify(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => SystemdEnvironment.FromProcess());
        services.TryAddSingleton<SystemdNotifier>();
        services.AddHostedService<SystemdNotifyService>();
        return services;
    }
}
