using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage;

public sealed partial class EdgeStore
{
    /// <summary>Stores a batch of predictions in one transaction: all of them, or none.</summary>
    /// <returns>The ids given to the batch, in order; the batch is durable when this returns.</returns>
    /// <exception cref="StoreFullException">The disk is full and retention could not make room.</exception>
    public IdRange AddPredictions(IReadOnlyList<NewPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            throw new ArgumentException("The batch is empty.", nameof(predictions));
        }

        return Write("prediction batch", tx =>
        {
            using SqliteCommand insert = Command(
                "INSERT INTO predictions (time_ms, model_version, window_id, score, values_json, quality_flags) VALUES ($t, $m, $w, $s, $v, $q) RETURNING id",
                tx);
            SqliteParameter t = insert.Parameters.Add("$t", SqliteType.Integer);
            SqliteParameter m = insert.Parameters.Add("$m", SqliteType.Text);
            SqliteParameter w = insert.Parameters.Add("$w", SqliteType.Integer);
            SqliteParameter s = insert.Parameters.Add("$s", SqliteType.Real);
            SqliteParameter v = insert.Parameters.Add("$v", SqliteType.Text);
            SqliteParameter q = insert.Parameters.Add("$q", SqliteType.Integer);
            insert.Prepare();
            long first = 0;
            long last = 0;
            for (int i = 0; i < predictions.Count; i++)
            {
                NewPrediction p = predictions[i] ?? throw new ArgumentException($"Prediction {i} of the batch is null.", nameof(predictions));
                t.Value = ToMs(p.Time);
                m.Value = p.ModelVersion ?? "";
                w.Value = p.WindowId;
                s.Value = p.Score;
                v.Value = p.ValuesJson ?? "null";
                q.Value = p.QualityFlags;
                last = (long)insert.ExecuteScalar()!;
                if (i == 0)
                {
                    first = last;
                }
            }

            return new IdRange(first, last);
        });
    }

    /// <summary>Predictions with an id above <paramref name="afterId"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<Prediction> GetPredictions(long afterId = 0, int limit = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Read(() =>
        {
            using SqliteCommand query = Command(
                "SELECT id, time_ms, model_version, window_id, score, values_json, quality_flags, thinned FROM predictions WHERE id > $after ORDER BY id LIMIT $limit");
            query.Parameters.AddWithValue("$after", afterId);
            query.Parameters.AddWithValue("$limit", limit);
            using SqliteDataReader r = query.ExecuteReader();
            var list = new List<Prediction>();
            while (r.Read())
            {
                list.Add(new Prediction(r.GetInt64(0), FromMs(r.GetInt64(1)), r.GetString(2), r.GetInt64(3), r.GetDouble(4), r.GetString(5), r.GetInt32(6), r.GetInt64(7) != 0));
            }

            return (IReadOnlyList<Prediction>)list;
        });
    }

    /// <summary>How many predictions are stored.</summary>
    public long CountPredictions() => Read(() => Scalar(_connection, "SELECT count(*) FROM predictions"));
}
