using EdgeAgent.Alerting.Board;
using EdgeAgent.Alerting.Decisions;
using EdgeAgent.Alerting.Outputs;
using EdgeAgent.Alerting.Rules;
using EdgeAgent.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Alerting;

/// <summary>Registers the alerting feature.</summary>
public static class AlertingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="DecisionOptions"/> (<c>Decisions</c>) and <see cref="GpioAlertOutputOptions"/> (<c>AlertOutputs:Gpio</c>)
    /// and validates them at start; registers one <see cref="AlertBoard"/> on the registered <see cref="EdgeStore"/> (see AddStore),
    /// a <see cref="DecisionEngineFactory"/> for each model's engine, and one <see cref="GpioAlertOutput"/> whose driver is the GPIO
    /// character device, or simulated lines only when <c>AlertOutputs:Gpio:Driver</c> is Simulated. Resolve the
    /// <see cref="GpioAlertOutput"/> at start so that its lines follow the board. Registrations already made are kept.
    /// </summary>
    public static IServiceCollection AddAlerting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DecisionOptions>()
            .Bind(configuration.GetSection(DecisionOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DecisionOptions>, DecisionOptionsValidator>());
        services.AddOptions<GpioAlertOutputOptions>()
            .Bind(configuration.GetSection(GpioAlertOutputOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GpioAlertOutputOptions>, GpioAlertOutputOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new AlertBoard(
            sp.GetRequiredService<EdgeStore>(),
            sp.GetRequiredService<TimeProvider>(),
            LoggerFor<AlertBoard>(sp)));
        services.TryAddSingleton(sp => new DecisionEngineFactory(
            sp.GetRequiredService<IOptions<DecisionOptions>>(),
            sp.GetRequiredService<AlertBoard>(),
            sp.GetRequiredService<TimeProvider>(),
            LoggerFor<DecisionEngine>(sp)));
        services.TryAddSingleton(sp =>
        {
            GpioAlertOutputOptions options = sp.GetRequiredService<IOptions<GpioAlertOutputOptions>>().Value;
            return new GpioAlertOutput(options, sp.GetRequiredService<AlertBoard>(), () => GpioAlertOutput.OpenDriver(options), LoggerFor<GpioAlertOutput>(sp));
        });
        return services;
    }

    private static ILogger<T> LoggerFor<T>(IServiceProvider services) => services.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;
}
