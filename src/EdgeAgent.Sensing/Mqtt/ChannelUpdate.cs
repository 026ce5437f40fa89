namespace EdgeAgent.Sensing.Mqtt;

/// <summary>A value for channel <paramref name="Channel"/> that arrived <paramref name="Arrival"/> after the source was created (monotonic clock).</summary>
internal readonly record struct ChannelUpdate(int Channel, double Value, TimeSpan Arrival);
