using System.Globalization;
using EdgeAgent.Storage;

// Usage: CrashWriter <db-path> [batch-size] [--system-sqlite] [--normal] [--version]
// Writes prediction batches until killed; after each commit returns, prints "committed <first> <last>" and flushes,
// so every line the parent reads names rows that must survive the kill.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: CrashWriter <db-path> [batch-size] [--system-sqlite] [--normal] [--version]");
    return 2;
}

string path = args[0];
int batchSize = args.Length > 1 && int.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int b) ? b : 50;
var options = new StoreOptions
{
    Path = path,
    SizeCapBytes = 1L << 30,
    UseSystemSqlite = args.Contains("--system-sqlite"),
    Durability = args.Contains("--normal") ? StoreDurability.Normal : StoreDurability.Full,
};

using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
using EdgeStore store = EdgeStore.Open(options);
stdout.WriteLine($"ready sqlite {store.SqliteVersion} schema {store.SchemaVersion}");
if (args.Contains("--version"))
{
    return 0;
}

var batch = new NewPrediction[batchSize];
long window = 0;
DateTimeOffset time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
while (true)
{
    for (int i = 0; i < batch.Length; i++)
    {
        window++;
        batch[i] = new NewPrediction(time.AddSeconds(window), "crash-1", window, window * 0.001, "{\"rul\":" + window.ToString(CultureInfo.InvariantCulture) + "}", 0);
    }

    IdRange ids = store.AddPredictions(batch);
    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"committed {ids.FirstId} {ids.LastId}"));
}
