using Microsoft.Extensions.Hosting;

namespace EdgeAgent.LocalPage;

/// <summary>
/// The page's inner web host must not watch Ctrl+C or SIGTERM itself (the default console lifetime would): the
/// agent's host owns the process and stops the page through <see cref="LocalPageService.StopAsync"/>.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
