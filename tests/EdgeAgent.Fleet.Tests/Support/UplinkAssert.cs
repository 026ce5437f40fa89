using EdgeAgent.Fleet.Payloads;

namespace EdgeAgent.Fleet.Tests.Support;

/// <summary>What the fleet side checks: ids drop redeliveries; after that every stream runs 1, 2, 3... in arrival order.</summary>
internal static class UplinkAssert
{
    /// <summary>Predictions in the messages, each message id counted once.</summary>
    public static int UniquePredictionCount(IReadOnlyList<ReceivedUplink> messages) =>
        Deduplicate(messages.Where(m => m.Stream == "predictions")).Sum(m => m.Predictions().Predictions.Count);

    /// <summary>
    /// The first copy of each message id, in arrival order. A redelivery must be recognisable: same topic, same id, same
    /// bytes as the first copy.
    /// </summary>
    public static List<ReceivedUplink> Deduplicate(IEnumerable<ReceivedUplink> messages)
    {
        var first = new Dictionary<(string Topic, string Id), ReceivedUplink>();
        var unique = new List<ReceivedUplink>();
        foreach (ReceivedUplink m in messages)
        {
            if (first.TryGetValue((m.Topic, m.MessageId), out ReceivedUplink? original))
            {
                Assert.True(original.Payload.AsSpan().SequenceEqual(m.Payload), $"message {m.MessageId} on {m.Topic} came twice with different payloads");
                continue;
            }

            first[(m.Topic, m.MessageId)] = m;
            unique.Add(m);
        }

        return unique;
    }

    /// <summary>Asserts that, once duplicates are dropped, the stream's messages arrived numbered 1..n without a gap, in order; returns them.</summary>
    public static List<ReceivedUplink> InOrderWithoutGaps(IReadOnlyList<ReceivedUplink> messages, string stream)
    {
        List<ReceivedUplink> unique = Deduplicate(messages.Where(m => m.Stream == stream));
        long[] sequences = [.. unique.Select(m => m.Sequence)];
        long[] expected = [.. Enumerable.Range(1, sequences.Length).Select(i => (long)i)];
        Assert.True(expected.SequenceEqual(sequences), $"{stream}: sequence numbers in arrival order were [{Describe(sequences)}]");
        Assert.Single(unique.Select(m => MessageId.TryParse(m.MessageId, out string epoch, out _) ? epoch : "?").Distinct());
        return unique;
    }

    /// <summary>Asserts that the prediction stream carried exactly the store ids <paramref name="firstId"/>..<paramref name="lastId"/>, each once, in order.</summary>
    public static void CarriesEveryPrediction(IReadOnlyList<ReceivedUplink> messages, long firstId, long lastId)
    {
        List<ReceivedUplink> unique = InOrderWithoutGaps(messages, "predictions");
        long[] ids = [.. unique.SelectMany(m => m.Predictions().Predictions).Select(p => p.Id)];
        Assert.Equal(lastId - firstId + 1, ids.Length);
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.True(ids[i] == firstId + i, $"prediction {i} has id {ids[i]}, expected {firstId + i}");
        }
    }

    private static string Describe(long[] sequences)
    {
        var runs = new List<string>();
        for (int i = 0; i < sequences.Length;)
        {
            int j = i;
            while (j + 1 < sequences.Length && sequences[j + 1] == sequences[j] + 1)
            {
                j++;
            }

            runs.Add(i == j ? $"{sequences[i]}" : $"{sequences[i]}-{sequences[j]}");
            i = j + 1;
        }

        return string.Join(", ", runs);
    }
}
