using System.Globalization;
using System.Text.RegularExpressions;
using EdgeAgent.TestKit;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace EdgeAgent.Agent.Tests;

[Collection(AgentCollection.Name)]
public sealed class CrashTests(DemoModelFixture demo, ITestOutputHelper output)
{
    private const int Trials = 50;

    [Fact]
    public async Task KillDashNine_DuringWrites_EveryCommitReportedBeforeTheKillSurvivesAndTheFileIsIntact()
    {
        string work = demo.NewWorkDir();
        var random = new Random(20261122);
        var reported = new List<(long First, long Last)>();
        for (int trial = 0; trial < Trials; trial++)
        {
            await using RunningProcess agent = AgentRun.Start(
                demo.PackagePath,
                work,
                "--Pipeline:FlushRows=16",
                "--Pipeline:FlushInterval=00:00:00.020",
                "--Logging:LogLevel:EdgeAgent.Agent.Pipeline.PredictionWriter=Debug");

            // Kill after a random number of reported commits, while the writer is still writing.
            int commits = random.Next(1, 8);
            await agent.WaitForLineAsync("Committed predictions", TimeSpan.FromSeconds(30), skip: commits - 1);
            await agent.KillAsync();

            foreach (string line in agent.Lines)
            {
                Match m = Regex.Match(line, @"Committed predictions (\d+)-(\d+)");
                if (m.Success)
                {
                    reported.Add((long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
                }
            }

            using SqliteConnection store = AgentRun.OpenStore(work);
            Assert.Equal("ok", AgentRun.Text(store, "PRAGMA integrity_check"));
        }

        using SqliteConnection check = AgentRun.OpenStore(work);
        long expected = reported.Sum(r => r.Last - r.First + 1);
        long present = 0;
        foreach ((long first, long last) in reported)
        {
            present += AgentRun.Scalar(check, string.Create(CultureInfo.InvariantCulture, $"SELECT count(*) FROM predictions WHERE id BETWEEN {first} AND {last}"));
        }

        output.WriteLine($"{Trials} kills; {reported.Count} commits reported before the kills, {expected} rows; {present} present; {AgentRun.Scalar(check, "SELECT count(*) FROM predictions")} rows in all");
        Assert.True(reported.Count >= Trials, $"only {reported.Count} commits were reported");
        Assert.Equal(expected, present);
    }
}
