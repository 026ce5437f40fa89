namespace EdgeAgent.Sensing.Iio;

/// <summary>
/// How one IIO channel becomes a sensor channel (a value of <c>Sensors:Iio:Channels</c>, keyed by the IIO channel id
/// such as <c>accel_x</c>). The value is the kernel's (raw + offset) × scale, in the IIO ABI unit (m/s² for accel,
/// mV for voltage, milli °C for temp), then × <see cref="Scale"/> + <see cref="Offset"/>.
/// </summary>
public sealed class IioChannelOptions
{
    /// <summary>The channel's name in rows and model packages, e.g. <c>vib_x</c>. Default: the IIO channel id.</summary>
    public string? Name { get; set; }

    /// <summary>Units of the final value, e.g. <c>g</c>. Default empty.</summary>
    public string Units { get; set; } = "";

    /// <summary>Multiplies the IIO value, e.g. 0.101972 for m/s² → g. Default 1. A finite number other than 0.</summary>
    public double Scale { get; set; } = 1;

    /// <summary>Added after <see cref="Scale"/>. Default 0. Finite.</summary>
    public double Offset { get; set; }
}
