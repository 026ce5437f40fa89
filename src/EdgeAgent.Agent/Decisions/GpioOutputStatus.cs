using EdgeAgent.Agent.Status;
using EdgeAgent.Alerting.Outputs;
using EdgeAgent.LocalPage;
using Microsoft.Extensions.Hosting;

namespace EdgeAgent.Agent.Decisions;

/// <summary>
/// Brings up the GPIO alert lines at start (so a lamp lights for an alert still open from before a restart) and
/// shows their state on the local page.
/// </summary>
internal sealed class GpioOutputStatus(GpioAlertOutput output) : IAlertOutputStatus, IHostedService
{
    public IEnumerable<OutputStatus> GetOutputs() => output.States.Select(s => new OutputStatus(s.Name, s.On, s.Healthy));

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
