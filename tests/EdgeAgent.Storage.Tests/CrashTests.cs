using System.Diagnostics;
using System.Globalization;

namespace EdgeAgent.Storage.Tests;

/// <summary>
/// kill -9 in the middle of writing, many times over one database: every batch the writer reported committed must
/// be there, and the file must pass <c>PRAGMA integrity_check</c>. This covers a crash of the process, not power loss.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const int MinTrials = 50;
    private const int MaxTrials = 80;
    private static readonly TimeSpan TrialBudget = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(30);
    private readonly TempStore _temp = new();
    private readonly ITestOutputHelper _output;

    public CrashTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AddPredictions_KilledMidWriteManyTimes_KeepsEveryReportedBatchAndPassesIntegrityCheck()
    {
        var random = new Random(20260102);
        var reported = new List<IdRange>();
        long began = Stopwatch.GetTimestamp();
        int trials = 0;
        int killedMidBatch = 0;

        while (trials < MaxTrials && (trials < MinTrials || Stopwatch.GetElapsedTime(began) < TrialBudget))
        {
            trials++;
            int waitFor = random.Next(0, 40);
            string durability = trials % 2 == 0 ? "--normal" : "--full";
            using var timeout = new CancellationTokenSource(LineTimeout);
            using CrashWriterProcess writer = CrashWriterProcess.Start(_temp.DbPath, random.Next(1, 200).ToString(CultureInfo.InvariantCulture), durability);

            string? ready = await writer.ReadLineAsync(timeout.Token);
            Assert.True(ready?.StartsWith("ready", StringComparison.Ordinal) == true, $"trial {trials}: '{ready}' {writer.StandardError}");
            var trialRanges = new List<IdRange>();
            while (trialRanges.Count < waitFor)
            {
                string? line = await writer.ReadLineAsync(timeout.Token);
                Assert.True(line is not null, $"trial {trials}: the writer ended early: {writer.StandardError}");
                trialRanges.Add(Parse(line));
            }

            await writer.KillAsync(timeout.Token);

            // lines already in the pipe were printed after their commit returned: they count too
            for (string? line; (line = await writer.ReadLineAsync(timeout.Token)) is not null;)
            {
                if (line.Length > 0)
                {
                    trialRanges.Add(Parse(line));
                }
            }

            reported.AddRange(trialRanges);
            using EdgeStore store = _temp.Open(o => o.OnCorrupt = CorruptDatabasePolicy.Throw);
            Assert.Equal("ok", store.CheckIntegrity());
            AssertPresent(store, trialRanges, trials);
            if (store.QueryLong("SELECT max(id) FROM predictions") > (trialRanges.Count > 0 ? trialRanges[^1].LastId : 0))
            {
                killedMidBatch++; // a batch committed after its line was due: the kill came between commit and print, or mid-batch
            }
        }

        using EdgeStore final = _temp.Open(o => o.OnCorrupt = CorruptDatabasePolicy.Throw);
        Assert.Equal("ok", final.CheckIntegrity());
        AssertPresent(final, reported, trials);
        TimeSpan took = Stopwatch.GetElapsedTime(began);
        long reportedRows = reported.Sum(r => r.Count);
        _output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"crash test: {trials} kill -9 trials in {took.TotalSeconds:F1} s; {reported.Count} batches ({reportedRows} rows) reported committed, all present; {final.CountPredictions()} rows in the store; {killedMidBatch} trials left unreported commits"));
        Assert.True(trials >= MinTrials);
    }

    [Fact]
    public async Task Open_UseSystemSqlite_LoadsTheSystemLibrary()
    {
        using var timeout = new CancellationTokenSource(LineTimeout);
        using CrashWriterProcess writer = CrashWriterProcess.Start(_temp.DbPath, "1", "--system-sqlite", "--version");

        string? ready = await writer.ReadLineAsync(timeout.Token);
        int exit = await writer.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, exit);
        using EdgeStore bundled = _temp.Open();
        Assert.StartsWith("ready sqlite ", ready, StringComparison.Ordinal);
        string systemVersion = ready!.Split(' ')[2];
        _output.WriteLine($"system SQLite {systemVersion}, bundled SQLite {bundled.SqliteVersion}");
        Assert.NotEqual(bundled.SqliteVersion, systemVersion);
        Assert.Equal(EdgeStore.LatestSchemaVersion, bundled.SchemaVersion);
    }

    private static IdRange Parse(string line)
    {
        string[] parts = line.Split(' ');
        Assert.True(parts.Length == 3 && parts[0] == "committed", $"unexpected line '{line}'");
        return new IdRange(long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    private static void AssertPresent(EdgeStore store, List<IdRange> ranges, int trial)
    {
        foreach (IdRange range in ranges)
        {
            long present = store.QueryLong(string.Create(CultureInfo.InvariantCulture, $"SELECT count(*) FROM predictions WHERE id BETWEEN {range.FirstId} AND {range.LastId}"));
            Assert.True(present == range.Count, $"trial {trial}: ids {range.FirstId}-{range.LastId} reported committed, {present} of {range.Count} present");
        }
    }
}
