using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeAgent.TestKit;
using Microsoft.Data.Sqlite;

namespace EdgeAgent.Agent.Tests;

/// <summary>No single failing part stops the others: a sensor that keeps failing, a page that cannot listen.</summary>
[Collection(AgentCollection.Name)]
public sealed class IsolationTests(DemoModelFixture demo)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sensor_FailsOnEveryPass_ReopenedWhileStoreAndPageKeepServing()
    {
        string work = demo.NewWorkDir();
        string csv = Path.Combine(work, "broken.csv");
        await File.WriteAllTextAsync(csv, Recording(goodRows: 3000));

        await using RunningProcess agent = AgentRun.Start(
            demo.PackagePath,
            work,
            "--Sensors:Source=Replay",
            $"--Sensors:Replay:Path={csv}",
            "--Sensors:Replay:Rate=10000",
            "--Sensors:Replay:OnBadRow=Fail",
            "--Pipeline:RestartDelay=00:00:00.200",
            "--Pipeline:MaxRestartDelay=00:00:00.500",
            "--LocalPage:Enabled=true",
            "--LocalPage:Url=http://127.0.0.1:0",
            $"--LocalPage:AckTokenFile={Path.Combine(work, "ack-token")}");

        Match url = await agent.WaitForLineAsync(@"Local page at (http://127\.0\.0\.1:\d+/)$", Patience);
        // Three failures: the source was reopened at least twice.
        await agent.WaitForLineAsync("Sensor source replay.* failed; reopening it", Patience, skip: 2);

        // Each pass scores the 4 windows before the bad row; they keep reaching the store.
        using (SqliteConnection store = AgentRun.OpenStore(work))
        {
            await WaitUntilAsync(() => Task.FromResult(AgentRun.Scalar(store, "SELECT count(*) FROM predictions") >= 8), "8 predictions from two passes in the store", agent);
        }

        // The page answers throughout and shows the source's error (file line 3002) while it waits to reopen it.
        using var http = new HttpClient { BaseAddress = new Uri(url.Groups[1].Value) };
        await WaitUntilAsync(
            async () =>
            {
                using JsonDocument status = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/status", UriKind.Relative)));
                JsonElement error = status.RootElement.GetProperty("source").GetProperty("lastError");
                return error.ValueKind == JsonValueKind.String && error.GetString()!.Contains("3002", StringComparison.Ordinal);
            },
            "source error on the page",
            agent);
        Assert.False(agent.HasExited, agent.Output);

        Assert.Equal(0, await agent.TerminateAsync(Patience));
    }

    [Fact]
    public async Task Page_PortAlreadyTaken_AgentServesAndStoresWithoutIt()
    {
        string work = demo.NewWorkDir();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await using RunningProcess agent = AgentRun.Start(
            demo.PackagePath,
            work,
            "--LocalPage:Enabled=true",
            $"--LocalPage:Url=http://127.0.0.1:{port}",
            $"--LocalPage:AckTokenFile={Path.Combine(work, "ack-token")}",
            "--Pipeline:StopWhenSourceEnds=false");

        await agent.WaitForLineAsync($@"Local page could not listen on http://127\.0\.0\.1:{port}; the agent goes on without it", Patience);
        using (SqliteConnection store = AgentRun.OpenStore(work))
        {
            await WaitUntilAsync(() => Task.FromResult(AgentRun.Scalar(store, "SELECT count(*) FROM predictions") > 0), "predictions in the store", agent);
        }

        Assert.Equal(0, await agent.TerminateAsync(Patience));
    }

    /// <summary>The simulator's channel names, <paramref name="goodRows"/> rows of a plausible machine, then an unreadable row (file line goodRows + 2).</summary>
    private static string Recording(int goodRows)
    {
        var text = new StringBuilder("vib_x,vib_y,vib_z,temperature,current\n");
        for (int i = 0; i < goodRows; i++)
        {
            double phase = 2 * Math.PI * 29.5 * i / 10_000;
            text.Append(CultureInfo.InvariantCulture, $"{0.2 * Math.Sin(phase):F5},{0.2 * Math.Cos(phase):F5},{0.1 * Math.Sin(2 * phase):F5},40.0,3.1\n");
        }

        text.Append("0.1,not-a-number,0.1,40.0,3.1\n");
        return text.ToString();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, RunningProcess agent)
    {
        using var limit = new CancellationTokenSource(Patience);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            if (agent.HasExited || !await tick.WaitForNextTickAsync(CancellationToken.None) || limit.IsCancellationRequested)
            {
                throw new TimeoutException($"No {what} within {Patience}. Output:\n{agent.Output}");
            }
        }
    }
}
