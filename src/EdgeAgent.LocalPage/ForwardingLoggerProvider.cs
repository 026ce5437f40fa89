using Microsoft.Extensions.Logging;

namespace EdgeAgent.LocalPage;

/// <summary>
/// Hands the inner web host's loggers to the agent's logger factory, so that Kestrel's warnings and errors land
/// in the agent's log. The agent's factory is not the inner host's to dispose.
/// </summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    public void Dispose()
    {
    }
}
