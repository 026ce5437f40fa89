using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace EdgeAgent.LocalPage.Tests;

/// <summary>One browser context with the page open; records every request and every script error.</summary>
internal sealed class PageSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _blocked = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private PageSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Every URL the page asked for.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>URLs that would have left the page's origin (aborted).</summary>
    public IReadOnlyList<string> Blocked => [.. _blocked];

    /// <summary>Console errors (CSP violations among them) and uncaught script errors.</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    public static async Task<PageSession> OpenAsync(IBrowserContext context, Uri origin)
    {
        IPage page = await context.NewPageAsync();
        var session = new PageSession(context, page);
        context.Request += (_, request) => session._requests.Enqueue(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                session._errors.Enqueue("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => session._errors.Enqueue("page: " + error);
        await context.RouteAsync("**/*", async route =>
        {
            if (Uri.TryCreate(route.Request.Url, UriKind.Absolute, out Uri? url) && url.Host == origin.Host && url.Port == origin.Port)
            {
                await route.ContinueAsync();
            }
            else
            {
                session._blocked.Enqueue(route.Request.Url);
                await route.AbortAsync();
            }
        });
        await page.GotoAsync("/");
        return session;
    }

    /// <summary>Fails when the page asked for anything but 127.0.0.1.</summary>
    public void AssertStayedLocal()
    {
        Assert.Empty(Blocked);
        Assert.NotEmpty(Requests);
        Assert.All(Requests, url => Assert.Equal("127.0.0.1", new Uri(url).Host));
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
