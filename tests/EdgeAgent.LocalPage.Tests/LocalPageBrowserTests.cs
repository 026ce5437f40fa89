using System.Globalization;
using EdgeAgent.Storage;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EdgeAgent.LocalPage.Tests;

/// <summary>The page in a real headless Chromium against the real page server and a real SQLite store.</summary>
public sealed class LocalPageBrowserTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _fixture;

    public LocalPageBrowserTests(BrowserFixture fixture) => _fixture = fixture;

    private PageHost Host => _fixture.Host;

    private SeededData Data => _fixture.Data;

    private static string Shown(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Page_Loaded_ShowsModelQualityOutputsAndPartsWithoutScriptErrors()
    {
        await using PageSession session = await _fixture.OpenAsync();
        IPage page = session.Page;

        await Expect(page.Locator("#model-name")).ToHaveTextAsync("ai4i-anomaly");
        await Expect(page.Locator("#model-version")).ToHaveTextAsync("1.4.2");
        await Expect(page.Locator("#model-threshold")).ToHaveTextAsync("0.6");
        await Expect(page.Locator("#device-id")).ToHaveTextAsync("press-07");
        ILocator vibration = page.Locator("#quality-rows tr[data-channel='vibration-x']");
        await Expect(vibration.Locator(".faults")).ToHaveTextAsync("gap 3, clip 2");
        await Expect(vibration.Locator(".faulty")).ToHaveTextAsync("5 (0.1 %)");
        await Expect(vibration.Locator(".quality-state")).ToHaveTextAsync("faults seen");
        await Expect(page.Locator("#quality-rows tr[data-channel='temperature'] .quality-state")).ToHaveTextAsync("good");
        await Expect(page.Locator("#windows-skip-reason")).ToHaveTextAsync("gap longer than 50 ms on vibration-x");
        await Expect(page.Locator("#source-error")).ToHaveTextAsync("I2C read timed out at 05:41");
        await Expect(page.Locator("#outputs li[data-output='lamp.warning'] .state")).ToHaveTextAsync("ON");
        await Expect(page.Locator("#outputs li[data-output='lamp.warning'] .lamp.on")).ToHaveCountAsync(1);
        await Expect(page.Locator("#outputs li[data-output='relay.stop'] .state")).ToHaveTextAsync("off (fault)");
        await Expect(page.Locator("#parts li[data-part='uplink'] .state")).ToHaveTextAsync("FAULT: broker unreachable");
        await Expect(page.Locator("#connection")).ToContainTextAsync("Updated");

        Assert.Empty(session.Errors);
        session.AssertStayedLocal();
    }

    [Fact]
    public async Task Trend_StoredPredictions_OnePointPerFilledBucketGapSplitsLineMaxLabelIsMaxScore()
    {
        await using PageSession session = await _fixture.OpenAsync();
        IPage page = session.Page;
        ILocator lines = page.Locator("#trend svg polyline.trend-line");

        await Expect(lines).ToHaveCountAsync(Data.Runs);
        int points = 0;
        foreach (ILocator line in await lines.AllAsync())
        {
            string? attribute = await line.GetAttributeAsync("points");
            points += attribute!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        }

        // One prediction every 5 minutes, buckets of 73 s: every stored prediction in the window fills its own bucket.
        Assert.Equal(Data.InWindow.Count, points);
        await Expect(page.Locator("#trend .y-max")).ToHaveTextAsync(Data.MaxInWindow.ToString("0.###", CultureInfo.InvariantCulture));
        await Expect(page.Locator("#trend .y-min")).ToHaveTextAsync(Data.InWindow.Min(p => p.Score).ToString("0.###", CultureInfo.InvariantCulture));
        await Expect(page.Locator("#trend line.threshold")).ToHaveCountAsync(1);
        await Expect(page.Locator("#trend .threshold-label")).ToHaveTextAsync("warning 0.6");
        await Expect(page.Locator("#trend .x-label")).ToHaveCountAsync(5);
        // 6 h over 299 buckets is 72.24 s, rounded up to whole seconds; the last bucket ends at the first multiple after now.
        const long widthMs = 73_000;
        DateTimeOffset end = DateTimeOffset.FromUnixTimeMilliseconds(((Data.Now.ToUnixTimeMilliseconds() / widthMs) + 1) * widthMs);
        await Expect(page.Locator("#trend .x-label").Last).ToHaveTextAsync(end.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture));
        await Expect(page.Locator("#trend-title")).ToHaveTextAsync("Health trend: Anomaly score, last 6 h");
        session.AssertStayedLocal();
    }

    [Fact]
    public async Task Acknowledge_RightToken_StoreRowAcknowledgedAndPageShowsIt()
    {
        long id = Data.AckAlert;
        await using PageSession session = await _fixture.OpenAsync();
        IPage page = session.Page;
        ILocator row = page.Locator($"#alert-rows tr[data-alert-id='{id}']");
        await Expect(row.Locator(".acknowledged")).ToHaveTextAsync("not yet");

        await page.Locator("#ack-token").FillAsync(PageHost.Token);
        await row.Locator("button.ack").ClickAsync();

        await Expect(page.Locator("#ack-result")).ToHaveTextAsync($"Alert {id} acknowledged.");
        await Expect(row.Locator(".acknowledged")).ToHaveTextAsync(Shown(Host.Clock.GetUtcNow()));
        await Expect(row.Locator("button.ack")).ToHaveCountAsync(0);
        Alert stored = Host.Store.GetAlert(id)!;
        Assert.Equal(AlertState.Acknowledged, stored.State);
        Assert.Equal(Host.Clock.GetUtcNow(), stored.AcknowledgedAt);
        session.AssertStayedLocal();
    }

    [Theory]
    [InlineData("", "Refused (401): The acknowledge token is missing: type the crew token first.")]
    [InlineData("crew-token-4712", "Refused (401): The acknowledge token is wrong.")]
    public async Task Acknowledge_NoOrWrongToken_PageShowsRefusalAndStoreUnchanged(string token, string shown)
    {
        long id = Data.RefusedAlert;
        await using PageSession session = await _fixture.OpenAsync();
        IPage page = session.Page;
        ILocator row = page.Locator($"#alert-rows tr[data-alert-id='{id}']");
        await Expect(row.Locator("button.ack")).ToBeVisibleAsync();

        await page.Locator("#ack-token").FillAsync(token);
        await row.Locator("button.ack").ClickAsync();

        await Expect(page.Locator("#ack-result")).ToHaveTextAsync(shown);
        await Expect(page.Locator("#ack-result")).ToHaveClassAsync("error");
        await Expect(row.Locator(".acknowledged")).ToHaveTextAsync("not yet");
        await Expect(row.Locator("button.ack")).ToBeEnabledAsync();
        Alert stored = Host.Store.GetAlert(id)!;
        Assert.Equal(AlertState.Raised, stored.State);
        Assert.Null(stored.AcknowledgedAt);
        session.AssertStayedLocal();
    }

    [Fact]
    public async Task AlertText_ScriptAndHandlerInjected_ShownLiterallyAndNeverRun()
    {
        // CSP off for this context: what keeps the injection inert here is the page building text nodes, not the header.
        await using PageSession session = await _fixture.OpenAsync(bypassCsp: true);
        IPage page = session.Page;
        ILocator row = page.Locator($"#alert-rows tr[data-alert-id='{Data.InjectionAlert}']");

        await Expect(row.Locator(".text")).ToHaveTextAsync(SeededData.InjectionText);
        await Expect(row.Locator(".rule")).ToHaveTextAsync(SeededData.InjectionRule);
        await row.Locator(".rule").HoverAsync();

        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
        await Expect(page.Locator("#alert-rows img, #alert-rows script, #alert-rows b")).ToHaveCountAsync(0);
        Assert.Empty(session.Errors);
        session.AssertStayedLocal();
    }

    [Fact]
    public async Task Alerts_RaisedAfterLoad_AppearWithoutReloadAndClearedOnesAreListed()
    {
        await using PageSession session = await _fixture.OpenAsync();
        IPage page = session.Page;
        await Expect(page.Locator($"#alert-rows tr[data-alert-id='{Data.AckAlert}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#cleared li[data-alert-id='{Data.ClearedAlert}']")).ToContainTextAsync("Motor temperature above 80 °C");

        long raised = Host.Store.RaiseAlert("oil-pressure", AlertSeverity.Critical, "Oil pressure below 1.2 bar");

        ILocator row = page.Locator($"#alert-rows tr[data-alert-id='{raised}']");
        await Expect(row.Locator(".text")).ToHaveTextAsync("Oil pressure below 1.2 bar");
        await Expect(row.Locator(".sev")).ToHaveTextAsync("Critical");
        await Expect(row.Locator(".raised")).ToHaveTextAsync(Shown(Host.Clock.GetUtcNow()));
        Host.Store.ClearAlert(raised);
        await Expect(row).ToHaveCountAsync(0);
        await Expect(page.Locator($"#cleared li[data-alert-id='{raised}']")).ToContainTextAsync("Oil pressure below 1.2 bar");
    }
}
