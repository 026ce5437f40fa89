using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using EdgeAgent.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EdgeAgent.Agent.Tests;

/// <summary>
/// The README's demo, headless: <c>eng/demo.sh run</c> serves the kit-trained model on the simulator at real time;
/// the bearing defect starts 20 s in and grows. Within a minute the alert is in the log, lights the simulated lamp
/// and shows on the local page, where the crew acknowledges it with the token from the token file.
/// </summary>
[Collection(AgentCollection.Name)]
public sealed class DemoScenarioTests(DemoModelFixture demo)
{
    private static readonly TimeSpan DefectStart = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Demo_GrowingBearingFault_AlertInLogLampAndPageWithinAMinuteAndAcknowledgedWithToken()
    {
        string work = demo.NewWorkDir();
        File.Copy(demo.PackagePath, Path.Combine(work, "demo-bearing.eapkg"));
        var started = Stopwatch.StartNew();
        await using RunningProcess agent = RunningProcess.Start(
            "bash",
            [DemoModelFixture.DemoScript, "run", work, "--LocalPage:Url=http://127.0.0.1:0"],
            new Dictionary<string, string?> { ["CONFIG"] = DemoModelFixture.Configuration });

        Match url = await agent.WaitForLineAsync(@"Local page at (http://127\.0\.0\.1:\d+/)$", TimeSpan.FromSeconds(30));
        await using HeadlessChromium chromium = await HeadlessChromium.LaunchAsync();
        await using IBrowserContext context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = url.Groups[1].Value });
        IPage page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync("/");

        // Healthy until the defect: the page has the model and no alert, the lamp is off.
        await Expect(page.Locator("#model-name")).ToHaveTextAsync("demo-bearing");
        await Expect(page.Locator("#no-alerts")).ToBeVisibleAsync();
        await Expect(page.Locator("#outputs li[data-output='lamp.warning'] .state")).ToHaveTextAsync("off");

        Match raised = await agent.WaitForLineAsync(@"ALERT Warning raised: .*alert (\d+)\)$", TimeSpan.FromSeconds(75));
        TimeSpan raisedAfter = started.Elapsed;
        Assert.True(raisedAfter > DefectStart && raisedAfter < TimeSpan.FromMinutes(1), $"alert after {raisedAfter}\n{agent.Output}");
        string id = raised.Groups[1].Value;
        await agent.WaitForLineAsync(@"lamp\.warning \(line 17\) on", TimeSpan.FromSeconds(5));

        // The page shows it without a reload: the alert row, the lamp, stored scores on the chart.
        ILocator row = page.Locator($"#alert-rows tr[data-alert-id='{id}']");
        await Expect(row.Locator(".sev")).ToHaveTextAsync("Warning");
        await Expect(row.Locator(".text")).ToContainTextAsync("score");
        await Expect(page.Locator("#outputs li[data-output='lamp.warning'] .state")).ToHaveTextAsync("ON");
        // A demo minute is one bucket of the 6 h chart: a line of one point, drawn as a dot.
        await Expect(page.Locator("#trend svg .trend-line")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("#trend svg .empty")).ToHaveCountAsync(0);

        // The drift watch saw the machine move away from the model's reference profile.
        await Expect(page.Locator("#parts li[data-part='drift'] .state")).ToContainTextAsync("DRIFT in ", new() { Timeout = 20_000 });
        await agent.WaitForLineAsync("Drift detected in ", TimeSpan.FromSeconds(5));

        // Acknowledge: refused without the token, accepted with the one in the token file.
        await row.Locator("button.ack").ClickAsync();
        await Expect(page.Locator("#ack-result")).ToHaveClassAsync("error");
        string token = (await File.ReadAllTextAsync(Path.Combine(work, "ack-token"))).Trim();
        await page.Locator("#ack-token").FillAsync(token);
        await row.Locator("button.ack").ClickAsync();
        await Expect(page.Locator("#ack-result")).ToHaveTextAsync($"Alert {id} acknowledged.");
        await Expect(row.Locator("button.ack")).ToHaveCountAsync(0);
        Assert.Empty(scriptErrors);

        Assert.Equal(0, await agent.TerminateAsync(TimeSpan.FromSeconds(30)));
        using SqliteConnection store = AgentRun.OpenStore(work);
        long alertId = long.Parse(id, CultureInfo.InvariantCulture);
        Assert.Equal((long)EdgeAgent.Storage.AlertState.Acknowledged, AgentRun.Scalar(store, $"SELECT state FROM alerts WHERE id = {alertId}"));
        Assert.Equal(1, AgentRun.Scalar(store, $"SELECT count(*) FROM alerts WHERE id = {alertId} AND acknowledged_ms IS NOT NULL"));
        // The drift verdict is kept in the store too.
        Assert.Contains("\"state\":\"Drift\"", AgentRun.Text(store, "SELECT value FROM model_state WHERE key = 'drift.latest'"), StringComparison.Ordinal);
    }
}
