using EdgeAgent.LocalPage;

namespace EdgeAgent.Agent.Status;

/// <summary>A local alert output (GPIO lamps, buzzers) that reports its lines to the page.</summary>
internal interface IAlertOutputStatus
{
    IEnumerable<OutputStatus> GetOutputs();
}
