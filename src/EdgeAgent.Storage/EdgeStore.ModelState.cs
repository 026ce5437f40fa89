using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage;

public sealed partial class EdgeStore
{
    /// <summary>The model state under <paramref name="key"/>, or null.</summary>
    public ModelStateEntry? GetModelState(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Read(() =>
        {
            using SqliteCommand query = Command("SELECT key, value, version, updated_ms FROM model_state WHERE key = $key");
            query.Parameters.AddWithValue("$key", key);
            using SqliteDataReader r = query.ExecuteReader();
            return r.Read() ? new ModelStateEntry(r.GetString(0), r.GetString(1), r.GetInt64(2), FromMs(r.GetInt64(3))) : null;
        });
    }

    /// <summary>
    /// Compare-and-set: writes <paramref name="value"/> only if the key's version is still <paramref name="expectedVersion"/>
    /// (0: the key must not exist yet), so two writers of the update state machine cannot both win.
    /// </summary>
    /// <returns>The new entry, or null when the version did not match and nothing was written.</returns>
    public ModelStateEntry? TrySetModelState(string key, string value, long expectedVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        DateTimeOffset now = _time.GetUtcNow();
        return Write("model state", tx =>
        {
            using SqliteCommand set = Command(
                expectedVersion == 0
                    ? "INSERT INTO model_state (key, value, version, updated_ms) VALUES ($key, $value, 1, $now) ON CONFLICT (key) DO NOTHING"
                    : "UPDATE model_state SET value = $value, version = version + 1, updated_ms = $now WHERE key = $key AND version = $expected",
                tx);
            set.Parameters.AddWithValue("$key", key);
            set.Parameters.AddWithValue("$value", value);
            set.Parameters.AddWithValue("$now", ToMs(now));
            set.Parameters.AddWithValue("$expected", expectedVersion);
            return set.ExecuteNonQuery() == 1 ? new ModelStateEntry(key, value, expectedVersion + 1, now) : null;
        });
    }
}
