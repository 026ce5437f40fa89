namespace EdgeAgent.Sensing.Simulation;

/// <summary>What a simulated sensor fault does to its channel during its span.</summary>
public enum SensorFaultKind
{
    /// <summary>The channel repeats the last value it gave before the span.</summary>
    Stuck,

    /// <summary>Now and then a large value (± <see cref="SensorFaultOptions.SpikeSize"/>) is added to the channel.</summary>
    Spikes,

    /// <summary>The channel gives NaN.</summary>
    NaN,

    /// <summary>No rows at all: the timestamps jump over the span (a row holds every channel, so the channel does not matter).</summary>
    Dropout,
}
