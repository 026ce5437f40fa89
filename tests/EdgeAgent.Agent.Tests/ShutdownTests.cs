using System.Globalization;
using EdgeAgent.TestKit;
using Microsoft.Data.Sqlite;

namespace EdgeAgent.Agent.Tests;

[Collection(AgentCollection.Name)]
public sealed class ShutdownTests(DemoModelFixture demo)
{
    [Fact]
    public async Task Sigterm_WithPredictionsStillInMemory_CommitsEveryScoredWindowAndExitsZero()
    {
        string work = demo.NewWorkDir();
        // Batches would wait a minute or 100,000 rows: whatever is stored got there through the shutdown flush.
        await using RunningProcess agent = AgentRun.Start(demo.PackagePath, work, "--Pipeline:FlushInterval=00:01:00", "--Pipeline:FlushRows=100000");
        await agent.WaitForLineAsync("First prediction", TimeSpan.FromSeconds(30));

        int exit = await agent.TerminateAsync(TimeSpan.FromSeconds(30));

        Assert.True(exit == 0, agent.Output);
        var stopped = await agent.WaitForLineAsync(@"Pipeline stopped after \d+ rows: (\d+) windows scored", TimeSpan.FromSeconds(5));
        long scored = long.Parse(stopped.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(scored > 0, agent.Output);
        await agent.WaitForLineAsync(@"Prediction writer stopped: \d+ committed, 0 left pending, 0 dropped", TimeSpan.FromSeconds(5));
        using SqliteConnection store = AgentRun.OpenStore(work);
        Assert.Equal(scored, AgentRun.Scalar(store, "SELECT count(*) FROM predictions"));
        Assert.Equal("ok", AgentRun.Text(store, "PRAGMA integrity_check"));
    }
}
