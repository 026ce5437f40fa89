using System.Globalization;

namespace EdgeAgent.Storage.Tests;

internal static class Predictions
{
    public static NewPrediction[] Batch(DateTimeOffset start, int count, long firstWindow = 1, int jsonPad = 0)
    {
        var batch = new NewPrediction[count];
        string pad = new('x', jsonPad);
        for (int i = 0; i < count; i++)
        {
            long window = firstWindow + i;
            batch[i] = new NewPrediction(
                start.AddSeconds(i),
                "m-1.2.0",
                window,
                window / 1000.0,
                string.Create(CultureInfo.InvariantCulture, $"{{\"score\":{window / 1000.0},\"pad\":\"{pad}\"}}"),
                i % 4);
        }

        return batch;
    }
}
