using System.Globalization;
using EdgeAgent.Storage;

namespace EdgeAgent.Fleet.Tests.Support;

/// <summary>Predictions shaped like the agent's: one window a second, a float score, the outputs as JSON.</summary>
internal static class Predictions
{
    public static NewPrediction[] Batch(DateTimeOffset start, int count, long firstWindow = 1)
    {
        var batch = new NewPrediction[count];
        for (int i = 0; i < count; i++)
        {
            long window = firstWindow + i;
            float score = (float)(0.05 + (0.01 * Math.Sin(window / 7.0)));
            float rul = 200f - (window / 100f);
            batch[i] = new NewPrediction(
                start.AddSeconds(window),
                "bearing-ae 1.4.2",
                window,
                score,
                string.Create(CultureInfo.InvariantCulture, $"{{\"score\":{score.ToString("R", CultureInfo.InvariantCulture)},\"rul\":{rul.ToString("R", CultureInfo.InvariantCulture)}}}"),
                window % 50 == 0 ? 2 : 0);
        }

        return batch;
    }
}
