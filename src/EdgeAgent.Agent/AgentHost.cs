using EdgeAgent.Agent.Configuration;
using EdgeAgent.Agent.Decisions;
using EdgeAgent.Agent.Drift;
using EdgeAgent.Agent.FleetLink;
using EdgeAgent.Agent.Hosting;
using EdgeAgent.Agent.Models;
using EdgeAgent.Agent.Pipeline;
using EdgeAgent.Agent.Status;
using EdgeAgent.Alerting;
using EdgeAgent.Drift;
using EdgeAgent.Inference;
using EdgeAgent.LocalPage;
using EdgeAgent.Sensing;
using EdgeAgent.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Agent;

/// <summary>The agent's host wiring: settings from appsettings.json, EDGEAGENT_ environment variables and the command line.</summary>
public static class AgentHost
{
    /// <param name="args">Command-line settings (<c>--Section:Key=value</c>) and host switches (<c>--environment Demo</c>).</param>
    /// <param name="recording">Only the sensor source, for <c>edgeagent record</c>.</param>
    public static HostApplicationBuilder CreateBuilder(string[] args, bool recording = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables("EDGEAGENT_");
        builder.Configuration.AddCommandLine(args);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        IServiceCollection services = builder.Services;
        IConfiguration configuration = builder.Configuration;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSensing(configuration);
        services.TryAddSingleton<SensorSourceOpener>(sp =>
        {
            IOptions<SensorOptions> options = sp.GetRequiredService<IOptions<SensorOptions>>();
            TimeProvider time = sp.GetRequiredService<TimeProvider>();
            ILoggerFactory loggers = sp.GetRequiredService<ILoggerFactory>();
            return () => SensorSourceFactory.Create(options.Value, time, loggers);
        });
        if (recording)
        {
            return builder;
        }

        services.AddOptions<AgentOptions>().Bind(configuration.GetSection(AgentOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>());
        services.AddOptions<ModelOptions>().Bind(configuration.GetSection(ModelOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelOptions>, ModelOptionsValidator>());
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>());
        services.AddSystemdNotify();
        services.AddInference(configuration);
        services.AddStore(configuration);
        services.AddAlerting(configuration);
        services.TryAddSingleton<AgentState>();
        services.TryAddSingleton<GpioOutputStatus>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertOutputStatus, GpioOutputStatus>(sp => sp.GetRequiredService<GpioOutputStatus>()));
        services.AddHostedService(sp => sp.GetRequiredService<GpioOutputStatus>());

        // Hosted services start in this order and stop in the reverse: the writer outlives the pipeline so that
        // every prediction is committed before the store closes.
        services.TryAddSingleton<PredictionWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<PredictionWriter>());
        services.TryAddSingleton<IDecisionSink, AlertDecisions>();
        services.AddDrift(configuration);
        services.TryAddSingleton<DriftWatch>();
        services.TryAddSingleton<PipelineWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<PipelineWorker>());
        // After the pipeline: the status it reports names the model the pipeline loaded.
        services.AddFleetLink(configuration);
        services.TryAddSingleton<IAgentStatus, AgentStatusProvider>();
        services.TryAddSingleton<IAlertActions, BoardAlertActions>();
        services.AddLocalPage(configuration);
        return builder;
    }

    /// <summary>Runs the agent until SIGTERM or Ctrl+C; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        try
        {
            using IHost host = CreateBuilder(args).Build();
            await host.RunAsync().ConfigureAwait(false);
            return Environment.ExitCode;
        }
        catch (Exception ex) when (ex is OptionsValidationException or ModelStartException)
        {
            await error.WriteLineAsync($"edgeagent: cannot start: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
    }
}
