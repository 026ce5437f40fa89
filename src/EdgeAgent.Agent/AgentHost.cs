using EdgeAgent.Agent.Demo;
using EdgeAgent.Agent.Hosting;
using EdgeAgent.Inference;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Agent;

/// <summary>The agent's host wiring: settings from appsettings.json, EDGEAGENT_ environment variables and the command line.</summary>
public static class AgentHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args)
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
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSystemdNotify();
        builder.Services.AddInference(builder.Configuration);
        builder.Services.AddDemo(builder.Configuration);
        return builder;
    }
}
