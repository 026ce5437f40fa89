using EdgeAgent.Agent;
using Microsoft.Extensions.Hosting;

using IHost host = AgentHost.CreateBuilder(args).Build();
await host.RunAsync();
