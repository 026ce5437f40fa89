namespace EdgeAgent.Sensing.Simulation;

/// <summary>A rotor imbalance (<c>Sensors:Simulator:Imbalance</c>): from <see cref="Start"/> a once-per-turn (1× shaft) vibration is added on the radial axes.</summary>
public sealed class ImbalanceOptions
{
    /// <summary>Stream time at which the imbalance appears. Default 0. At least 0.</summary>
    public TimeSpan Start { get; set; }

    /// <summary>Amplitude of the added 1× component on <c>vib_x</c>, in g (<c>vib_y</c> sees 80 %). Default 0.3. At least 0.</summary>
    public double Amplitude { get; set; } = 0.3;
}
