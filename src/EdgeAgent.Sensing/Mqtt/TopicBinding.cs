namespace EdgeAgent.Sensing.Mqtt;

/// <summary>The channels that read one topic, the field each reads, and room for their values while a message is read.</summary>
internal sealed class TopicBinding(int[] channels, string[]?[] fields)
{
    /// <summary>Indices of the channels, in row order.</summary>
    public int[] Channels { get; } = channels;

    /// <summary>Each channel's field path, or null for a bare number or <c>v</c>.</summary>
    public string[]?[] Fields { get; } = fields;

    /// <summary>Scratch for one message's values; used only by the message handler, which runs one message at a time.</summary>
    public double[] Values { get; } = new double[channels.Length];
}
