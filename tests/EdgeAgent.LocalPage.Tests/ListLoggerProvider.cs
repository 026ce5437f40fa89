using EdgeAgent.TestKit;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.LocalPage.Tests;

/// <summary>Routes every category of a host's logging into one <see cref="ListLogger"/>.</summary>
internal sealed class ListLoggerProvider(ListLogger logger) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => logger;

    public void Dispose()
    {
    }
}
