namespace EdgeAgent.Sensing.Simulation;

/// <summary>
/// A bearing defect (<c>Sensors:Simulator:BearingDefect</c>): from <see cref="Start"/> the rolling elements strike the
/// defect <see cref="DefectOrder"/> times per shaft turn; each strike rings the structure's resonance at
/// <see cref="ResonanceHz"/> with a decaying envelope. The strikes grow from nothing at <see cref="Start"/> to
/// <see cref="Amplitude"/> after <see cref="GrowthTime"/>, and the bearing warms and draws more current as they grow.
/// </summary>
public sealed class BearingDefectOptions
{
    /// <summary>Stream time at which the defect appears. Default 0. At least 0.</summary>
    public TimeSpan Start { get; set; }

    /// <summary>Stream time from <see cref="Start"/> to full severity. Default 10 minutes. Above 0.</summary>
    public TimeSpan GrowthTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Strikes per shaft turn. Default 3.58 (a typical outer-race ball pass frequency). Above 0.</summary>
    public double DefectOrder { get; set; } = 3.58;

    /// <summary>The resonance each strike rings, in Hz. Default 3000. Below half the sample rate.</summary>
    public double ResonanceHz { get; set; } = 3000;

    /// <summary>Peak acceleration of one strike at full severity on <c>vib_x</c>, in g (y and z see less). Default 2. At least 0.</summary>
    public double Amplitude { get; set; } = 2.0;
}
