using Microsoft.Playwright;

namespace EdgeAgent.LocalPage.Tests;

/// <summary>
/// One seeded page and one headless Chromium for a test class. The browser is the system's (/usr/bin/chromium);
/// Playwright never downloads one.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly PageFixture _page = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    internal PageHost Host => _page.Host;

    internal SeededData Data => _page.Data;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {ChromiumPath}: install the Debian package chromium (bash eng/build.sh test does).");
        }

        await _page.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context on the page (UTC, en-US), logging every request and stopping any that would leave the page's origin.</summary>
    internal async Task<PageSession> OpenAsync(bool bypassCsp = false)
    {
        IBrowser browser = _browser ?? throw new InvalidOperationException("The fixture is not started.");
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
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _page.DisposeAsync();
    }
}
