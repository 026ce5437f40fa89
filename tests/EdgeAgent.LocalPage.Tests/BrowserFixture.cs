using EdgeAgent.TestKit;
using Microsoft.Playwright;

namespace EdgeAgent.LocalPage.Tests;

/// <summary>One seeded page and one headless Chromium (the system's) for a test class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly PageFixture _page = new();
    private HeadlessChromium? _chromium;

    internal PageHost Host => _page.Host;

    internal SeededData Data => _page.Data;

    public async Task InitializeAsync()
    {
        await _page.InitializeAsync();
        _chromium = await HeadlessChromium.LaunchAsync();
    }

    /// <summary>A fresh browser context on the page (UTC, en-US), logging every request and stopping any that would leave the page's origin.</summary>
    internal async Task<PageSession> OpenAsync(bool bypassCsp = false)
    {
        IBrowser browser = _chromium?.Browser ?? throw new InvalidOperationException("The fixture is not started.");
        IBrowserContext context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.Address.ToString(),
            TimezoneId = "UTC",
            Locale = "en-US",
            BypassCSP = bypassCsp,
        });
        return await PageSession.OpenAsync(context, Host.Address);
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        await _page.DisposeAsync();
    }
}
