namespace EdgeAgent.Sensing.Simulation;

/// <summary>One simulated sensor fault (an item of <c>Sensors:Simulator:SensorFaults</c>), active from <see cref="Start"/> for <see cref="Duration"/>.</summary>
public sealed class SensorFaultOptions
{
    /// <summary>The channel at fault: <c>vib_x</c>, <c>vib_y</c>, <c>vib_z</c>, <c>temperature</c> or <c>current</c>. Required except for <see cref="SensorFaultKind.Dropout"/>.</summary>
    public string? Channel { get; set; }

    /// <summary>What the fault does. Default <see cref="SensorFaultKind.Stuck"/>.</summary>
    public SensorFaultKind Kind { get; set; }

    /// <summary>Stream time at which the fault begins. Default 0. At least 0.</summary>
    public TimeSpan Start { get; set; }

    /// <summary>How long the fault lasts. Default none: to the end of the stream. Above 0 when set.</summary>
    public TimeSpan? Duration { get; set; }

    /// <summary>For <see cref="SensorFaultKind.Spikes"/>: spikes per second on average. Default 10. Above 0, at most the sample rate.</summary>
    public double SpikeRate { get; set; } = 10;

    /// <summary>For <see cref="SensorFaultKind.Spikes"/>: the size of a spike in the channel's units, added with a random sign. Default 10. Above 0.</summary>
    public double SpikeSize { get; set; } = 10;
}
