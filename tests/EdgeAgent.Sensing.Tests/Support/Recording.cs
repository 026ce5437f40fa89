using EdgeAgent.Sensing;

namespace EdgeAgent.Sensing.Tests.Support;

/// <summary>Rows read from a source: timestamps and values, for assertions.</summary>
internal sealed class Recording
{
    public List<DateTimeOffset> Timestamps { get; } = [];

    public List<double[]> Rows { get; } = [];

    /// <summary>Whether the last read said the stream goes on.</summary>
    public bool More { get; set; } = true;

    public int Count => Rows.Count;

    /// <summary>The values of channel <paramref name="channel"/>, rows <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    public double[] Channel(int channel, int from = 0, int? to = null) =>
        [.. Rows.Skip(from).Take((to ?? Rows.Count) - from).Select(r => r[channel])];

    /// <summary>Reads until <paramref name="rows"/> rows are held or the stream ends; fails if that takes longer than 30 s.</summary>
    public static async Task<Recording> ReadAsync(ISensorSource source, int rows, int blockCapacity = 4096)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var recording = new Recording();
        var block = new SampleBlock(source.Channels.Count, blockCapacity);
        while (recording.Count < rows && recording.More)
        {
            recording.More = await source.ReadAsync(block, timeout.Token);
            recording.Add(block, rows);
        }

        return recording;
    }

    /// <summary>Adds the block's rows, up to <paramref name="limit"/> rows in all.</summary>
    public void Add(SampleBlock block, int limit = int.MaxValue)
    {
        for (int r = 0; r < block.Count && Count < limit; r++)
        {
            Timestamps.Add(block.Timestamp(r));
            Rows.Add(block.Row(r).ToArray());
        }
    }
}
